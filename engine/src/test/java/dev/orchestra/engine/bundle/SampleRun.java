package dev.orchestra.engine.bundle;

import dev.orchestra.engine.agent.Note;
import dev.orchestra.engine.budget.Usage;
import dev.orchestra.engine.gate.GateDecision;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStates;
import dev.orchestra.engine.state.RunStatus;
import dev.orchestra.engine.state.StepRecord;
import dev.orchestra.engine.state.ValidationRecord;
import dev.orchestra.engine.validate.TestCase.Outcome;
import dev.orchestra.engine.validate.TestCase;
import dev.orchestra.engine.validate.TestComparisons;
import dev.orchestra.engine.validate.TestRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Repository;

/** A finished run over {@link TestRepo}: two landed steps, one that changed nothing, tests before and after. */
final class SampleRun {
    static final String BRANCH = "orchestra/run-42";

    private SampleRun() {}

    /** Points the run branch at the second step commit and writes the run folder's reports and transcript. */
    static RunState create(TestRepo repo, Path runDir) throws Exception {
        Repository r = repo.git.getRepository();
        String first = r.resolve(repo.head + "~2").name();
        String second = r.resolve(repo.head + "~1").name();
        repo.git.branchCreate().setName(BRANCH).setStartPoint(second).call();
        Plan plan = new Plan("friendly-greeting", "", List.of(
                new Step("greet", "code-writer", "Say hello instead of hi", null, null, null, null),
                new Step("tests", "test-writer", "Cover the greeting", null, List.of("greet"), null, null),
                new Step("lint", "static-analysis", "", null, List.of("tests"), null, null)));
        RunState state = RunStates.started("run-42", "Make the greeting friendlier <b>now</b>.", "friendly-greeting",
                plan, repo.base, "main", "2025-03-04T10:00:00Z");
        RunStates.end(state, RunStatus.DONE, null);
        RunStates.clearSteps(state);
        RunStates.addSteps(state, step("greet", "code-writer", StepRecord.Status.LANDED, first, "Greeting says hello",
                List.of("NOTES", "src/Greeter.java"), 2, 1, new Usage(0, 2, 1200, 300, 0.012), 4000));
        RunStates.addSteps(state, step("tests", "test-writer", StepRecord.Status.LANDED, second, "Added GreeterTest",
                List.of("old.txt", "src/GreeterTest.java"), 1, 1, new Usage(0, 1, 800, 200, 0.008), 3000));
        StepRecord lint = step("lint", "static-analysis", StepRecord.Status.NO_CHANGE, null, "No fixes to apply",
                List.of(), 0, 0, Usage.oneToolRun(), 1500);
        lint.notes.add(new Note("warning", "src/Greeter.java", 3, "String literal could be a constant", "pmd"));
        RunStates.addSteps(state, lint);
        state.recordDecision(new GateDecision("plan", true, "alice", "2025-03-04T10:05:00Z", false, null, 240_000));
        state.recordDecision(new GateDecision("patch", true, "auto", "2025-03-04T10:10:00Z", true, null, 0));
        state.recordDecision(new GateDecision("pr", true, "bob", "2025-03-04T10:30:00Z", false, null, 600_000));
        state.recordValidation(validation("baseline", "tests/baseline", Outcome.FAILED, runDir));
        state.recordValidation(validation("final", "tests/final", Outcome.PASSED, runDir));
        state.validation().comparison = TestComparisons.compare(state.baseline().tests, state.validation().tests);
        state.addPhaseTime("plan", 2000L);
        state.addPhaseTime("delegate", 8500L);
        state.addPhaseTime("validate", 30000L);
        Files.writeString(runDir.resolve("transcript.jsonl"), "{\"kind\":\"model\",\"step\":\"greet\"}\n");
        return state;
    }

    private static StepRecord step(String id, String agent, StepRecord.Status status, String commit, String summary,
                                   List<String> files, int insertions, int deletions, Usage usage, long millis) {
        StepRecord record = new StepRecord(id, agent);
        record.status = status;
        record.commit = commit;
        record.summary = summary;
        record.files = files;
        record.insertions = insertions;
        record.deletions = deletions;
        record.usage = usage;
        record.durationMillis = millis;
        record.attempts = 1;
        return record;
    }

    private static ValidationRecord validation(String kind, String reportsDir, Outcome greets, Path runDir)
            throws Exception {
        ValidationRecord record = new ValidationRecord(kind, "./mvnw -B test", null);
        record.tests = new TestRun(greets.broken() ? 1 : 0, List.of(
                new TestCase("demo.GreeterTest#greets", greets, greets.broken() ? "expected hello" : "", "", 0.1),
                new TestCase("demo.OtherTest#works", Outcome.PASSED, "", "", 0.2)), 5000);
        record.reportsDir = reportsDir;
        Path folder = Files.createDirectories(runDir.resolve(reportsDir));
        Files.writeString(folder.resolve("TEST-demo.GreeterTest.xml"), "<testsuite name=\"" + kind + "\"/>");
        return record;
    }
}
