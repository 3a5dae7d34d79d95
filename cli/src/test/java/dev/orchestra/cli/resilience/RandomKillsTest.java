package dev.orchestra.cli.resilience;

import dev.orchestra.cli.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real orchestra processes killed at seeded random points of every phase — at a named crash point, or with
 * {@code kill -9} after a random delay, sometimes again while resuming — then resumed until the run ends: every run
 * lands each step exactly once, leaves a clean working tree, and the files hold what the steps wrote.
 */
class RandomKillsTest {
    static final long SEED = 4_711L;
    static final int CRASH_POINT_CASES = 18;
    static final int TIMED_CASES = 12;
    static final List<String> POINTS = List.of("ingest.after-state", "validate.baseline.after-command",
            "delegate.after-agent", "delegate.after-bring-back", "integrate.before-checkout", "integrate.after-checkout",
            "validate.final.after-command", "finalize.before-bundle", "finalize.after-bundle");

    static final Reliability.Section SECTION = new Reliability.Section("kills", "Kills", "survived",
            "Command-agent workflows of 2 to 4 steps (some independent, `--jobs 2`, a shell validation hook) whose "
                    + "process was killed, then resumed until the run ended. A kill holds when the run ends with exit 0, "
                    + "one commit per step on the run branch (counted by `Orchestra-Step:` trailer), a clean "
                    + "`git status` and the files the steps wrote.");

    @TempDir
    Path temp;

    @AfterAll
    static void writeCounts() {
        SECTION.write();
    }

    static IntStream cases() {
        return IntStream.range(0, CRASH_POINT_CASES + TIMED_CASES);
    }

    /** One step of a generated workflow and the content it writes. */
    record Step(String id, String file, String content, String needs) {}

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void aKilledRunResumesToEveryStepLandedOnce(int number) throws Exception {
        Random random = new Random(SEED + number);
        List<Step> steps = steps(random, number);
        Path repo = Cli.repository(temp.resolve("repo"), Map.of(".gitignore", "target/\n", "README.md", "A project.\n",
                "validate.sh", Cli.checkScript("greetingExists", "greeting.txt", "hello")));
        Path workflow = Files.writeString(temp.resolve("workflow.yml"), workflow(steps));
        String runId = "k" + number;
        String[] run = {"run", "--repo", repo.toString(), "--workflow", workflow.toString(), "--validate", "sh validate.sh",
                "--gates", "none", "--jobs", "2", "--run-id", runId};

        List<Reliability.Tally> kills = new ArrayList<>();
        int exit;
        if (number < CRASH_POINT_CASES) {
            String point = POINTS.get(number % POINTS.size());
            exit = killedAt(point, run, kills);
            assertThat(exit).as("the process died at " + point).isEqualTo(137);
        } else {
            exit = killedAfter(random.nextInt(1200), repo.resolve(".orchestra/runs/" + runId + "/state.json"), run, kills);
        }
        if (exit != 0 && number % 3 == 2) {
            exit = killedAt(POINTS.get(random.nextInt(POINTS.size())),
                    new String[] {"resume", "--repo", repo.toString(), "--run-id", runId}, kills);
        }
        List<String> tries = new ArrayList<>();
        for (int attempt = 0; exit != 0 && attempt < 3; attempt++) {
            CliRunner.Result resumed = Cli.orchestra("resume", "--repo", repo.toString(), "--run-id", runId);
            if (resumed.exitCode() == 2 && resumed.err().contains("no run '" + runId + "'")) {
                resumed = Cli.orchestra(run); // killed before the run existed: what a user does is start it again
            }
            tries.add(resumed.toString());
            exit = resumed.exitCode();
            if (exit == 2 && resumed.err().contains("run " + runId + " is done; there is nothing to resume")) {
                exit = 0; // killed after the run was saved as done, before the process ended: the run had ended
            }
        }

        assertThat(exit).as("the run ends; resumes: %s", tries).isZero();
        assertThat(Cli.stepTrailers(repo, "orchestra/" + runId)).as("one commit per step")
                .containsExactlyInAnyOrderElementsOf(steps.stream().map(Step::id).toList());
        assertThat(Cli.clean(repo)).as("git status is clean").isTrue();
        assertThat(Cli.head(repo)).startsWith("refs/heads/orchestra/" + runId + " ");
        for (Step step : steps) {
            assertThat(repo.resolve(step.file())).hasContent(step.content());
        }
        try (Stream<Path> patches = Files.list(repo.resolve(".orchestra/runs/" + runId + "/bundle/patches"))) {
            assertThat(patches.count()).isEqualTo(steps.size());
        }
        kills.forEach(Reliability.Tally::held);
    }

    private int killedAt(String point, String[] args, List<Reliability.Tally> kills) throws Exception {
        Process process = Cli.start(Map.of("ORCHESTRA_CRASH_AT", point), log(), args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() == 137) {
            kills.add(tried((args[0].equals("resume") ? "during resume, at " : "at ") + "`" + point + "`"));
        }
        return process.exitValue();
    }

    /** Kills the process {@code millis} after the run's state first appears (or after the process ends, if sooner). */
    private int killedAfter(int millis, Path state, String[] args, List<Reliability.Tally> kills) throws Exception {
        Process process = Cli.start(Map.of(), log(), args);
        while (process.isAlive() && !Files.exists(state)) {
            Thread.sleep(20);
        }
        if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            kills.add(tried("`kill -9` 0 to 1.2 s (seeded) after the run started"));
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static Reliability.Tally tried(String what) {
        Reliability.Tally tally = SECTION.tally(what);
        tally.tried();
        return tally;
    }

    private Path log() throws Exception {
        return Files.createTempFile(temp, "orchestra", ".log");
    }

    private static List<Step> steps(Random random, int number) {
        int count = 2 + random.nextInt(3);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("greet", "greeting.txt", "hello " + number, null));
        for (int i = 2; i <= count; i++) {
            String needs = random.nextBoolean() ? steps.get(random.nextInt(steps.size())).id() : null;
            steps.add(new Step("s" + i, "f" + i + ".txt", "step " + i + " of case " + number, needs));
        }
        return steps;
    }

    private static String workflow(List<Step> steps) {
        StringBuilder yaml = new StringBuilder("name: killed\ndescription: Steps that a kill must not lose.\nsteps:\n");
        for (Step step : steps) {
            yaml.append("  - id: ").append(step.id()).append("\n    agent: command\n    instructions: Write ")
                    .append(step.file()).append(".\n    scope: [\"").append(step.file()).append("\"]\n");
            if (step.needs() != null) {
                yaml.append("    needs: [").append(step.needs()).append("]\n");
            }
            yaml.append("    with:\n      run: sleep 0.1 && echo '").append(step.content()).append("' > ")
                    .append(step.file()).append("\n");
        }
        return yaml.toString();
    }
}
