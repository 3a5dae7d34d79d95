package dev.orchestra.engine.state;

import dev.orchestra.engine.agent.StaticAnalysisAgent;
import dev.orchestra.engine.validate.BuildFailure;
import dev.orchestra.engine.validate.CompilerMessage;
import dev.orchestra.engine.validate.TestCase;
import dev.orchestra.engine.validate.TestComparison;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What is broken on the run branch, compared with the baseline, from every source of evidence: the final
 * validation (a build that no longer compiles or fails in a plugin, tests that now fail or no longer run, an exit
 * code that got worse), the static-analysis steps' compile errors when there is no validation hook, and the steps
 * of the current round that failed. The fix loop sends it to the planner; an escalation leaves it to a human.
 *
 * @param build one line on the broken build ("the build fails to compile (3 errors)"), or null
 * @param fromValidation true when {@code build} comes from the validation, false when from static analysis
 * @param compileErrors the compiler errors, in the order printed
 * @param failingTests tests that passed before and fail now
 * @param notRun ids of tests that ran before and not now
 * @param exitChange why the validation fails when no test and no compiler says so, or null
 * @param failedSteps one line per failed step of the current round
 */
public record Breakage(String build, boolean fromValidation, List<CompilerMessage> compileErrors,
                       List<TestCase> failingTests, List<String> notRun, String exitChange, List<String> failedSteps) {
    private static final int NAMES_SHOWN = 5;

    /** What is broken in {@code state} now; {@link #any()} is false when nothing is. */
    public static Breakage of(RunState state) {
        ValidationRecord after = state.validation();
        ValidationRecord before = state.baseline();
        BuildFailure build = after == null ? null : after.build;
        boolean brokeNow = build != null && build.compileBroken() && !compileBroken(before);
        List<CompilerMessage> lint = after == null ? lintErrors(state) : List.of();
        String buildLine = brokeNow ? build.describe() : lint.isEmpty() ? null
                : "static analysis: the build fails to compile (" + lint.size() + (lint.size() == 1 ? " error)" : " errors)");
        TestComparison comparison = after == null || before == null ? null : after.comparison;
        List<TestCase> failing = comparison == null ? List.of()
                : comparison.newlyFailing().stream().map(id -> testCase(after, id)).toList();
        List<String> notRun = comparison == null ? List.of() : comparison.notRun();
        String exitChange = buildLine == null && failing.isEmpty() && notRun.isEmpty() ? exitChange(before, after) : null;
        return new Breakage(buildLine, brokeNow, brokeNow ? build.errors() : lint, failing, notRun, exitChange,
                failedSteps(state));
    }

    public Breakage {
        compileErrors = List.copyOf(compileErrors);
        failingTests = List.copyOf(failingTests);
        notRun = List.copyOf(notRun);
        failedSteps = List.copyOf(failedSteps);
    }

    /** True when anything is broken. */
    public boolean any() {
        return build != null || !failingTests.isEmpty() || !notRun.isEmpty() || exitChange != null || !failedSteps.isEmpty();
    }

    /** One line saying what is broken, test names shortened: the run's failure when it escalates. */
    public String reason() {
        List<String> validation = new ArrayList<>();
        List<String> other = new ArrayList<>();
        if (build != null) {
            (fromValidation ? validation : other).add(build);
        }
        if (!failingTests.isEmpty()) {
            validation.add("newly failing: " + names(failingTests.stream().map(TestCase::id).toList()));
        }
        if (!notRun.isEmpty()) {
            validation.add(fromValidation ? tests(notRun.size()) + " did not run"
                    : notRun.size() <= NAMES_SHOWN ? "no longer run: " + String.join(", ", notRun)
                    : tests(notRun.size()) + " no longer run (" + names(notRun) + ")");
        }
        if (exitChange != null) {
            validation.add(exitChange);
        }
        if (!validation.isEmpty()) {
            other.add(0, "validation is worse than the baseline: " + String.join("; ", validation));
        }
        other.addAll(failedSteps);
        return String.join("; ", other);
    }

    /** Everything broken, as leftovers for a human: the build first, each compiler error at its file and line. */
    public List<Leftover> leftovers() {
        List<Leftover> leftovers = new ArrayList<>();
        if (build != null) {
            leftovers.add(new Leftover("build", null, 0, build));
        }
        compileErrors.forEach(e -> leftovers.add(new Leftover("compile-error", e.file(), e.line(), e.message())));
        failingTests.forEach(t -> leftovers.add(new Leftover("failing-test", null, 0,
                t.id() + (t.message().isBlank() ? " fails" : " fails: " + t.message()))));
        if (!notRun.isEmpty()) {
            leftovers.add(new Leftover("not-run", null, 0, tests(notRun.size()) + " ran before the change and did not run after it"));
        }
        if (exitChange != null) {
            leftovers.add(new Leftover("build", null, 0, exitChange));
        }
        failedSteps.forEach(s -> leftovers.add(new Leftover("failed-step", null, 0, s)));
        return leftovers;
    }

    private static boolean compileBroken(ValidationRecord record) {
        return record != null && record.build != null && record.build.compileBroken();
    }

    private static String exitChange(ValidationRecord before, ValidationRecord after) {
        if (before == null || after == null || before.tests.exitCode() != 0 || after.tests.exitCode() == 0) {
            return null;
        }
        return after.build != null ? after.build.describe()
                : "the validation command now exits " + after.tests.exitCode() + " (see " + after.log + ")";
    }

    /** Compile errors the static-analysis steps of the current round found. */
    private static List<CompilerMessage> lintErrors(RunState state) {
        LinkedHashSet<CompilerMessage> errors = new LinkedHashSet<>();
        state.steps().stream()
                .filter(s -> StaticAnalysisAgent.NAME.equals(s.agent) && s.fixIteration == state.fixIterations())
                .flatMap(s -> s.notes.stream()).filter(n -> "error".equals(n.severity()))
                .forEach(n -> errors.add(new CompilerMessage("error", n.file(), n.line(), 0, n.message())));
        return List.copyOf(errors);
    }

    private static List<String> failedSteps(RunState state) {
        return state.steps().stream()
                .filter(s -> s.status == StepRecord.Status.FAILED && s.fixIteration == state.fixIterations())
                .map(s -> "step " + s.id + " (" + s.agent + ") failed: " + s.summary).toList();
    }

    private static TestCase testCase(ValidationRecord record, String id) {
        return record.tests.cases().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElse(new TestCase(id, TestCase.Outcome.FAILED, "", "", 0));
    }

    private static String names(List<String> ids) {
        if (ids.size() <= NAMES_SHOWN * 2) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, NAMES_SHOWN)) + " and " + (ids.size() - NAMES_SHOWN) + " more";
    }

    private static String tests(int count) {
        return count == 1 ? "1 test" : count + " tests";
    }
}
