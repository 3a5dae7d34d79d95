package dev.orchestra.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.budget.Budget;
import dev.orchestra.engine.budget.SpendLedger;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.state.PhaseOutcome;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStates;
import dev.orchestra.engine.state.RunStatus;
import dev.orchestra.engine.state.StepRecord;
import dev.orchestra.engine.trust.RunKey;
import dev.orchestra.testsupport.GitRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps whose patches conflict, driven through the real step runner, real command agents and real
 * merges. The scheduler's claims keep steps on the same file apart, so a conflict needs a step to
 * start from an older candidate: here two steps are started together on purpose.
 */
class StepConflictTest {
    @TempDir
    Path temp;

    GitRepository repo;
    Orchestra orchestra;
    RunContext context;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void repository() {
        repo = GitRepository.create(temp.resolve("repo"), Map.of("notes.txt", "1\n2\n3\n4\n5\n"), "base");
        orchestra = Orchestra.builder(repo.dir()).runKey(RunKey.of("a test key of thirty-two bytes!!".getBytes()))
                .maven(new MavenLocator(Map.of(), Path.of("/nowhere"))).listener(progress::add)
                .copiesUnder(temp.resolve("copies")).build();
        context = orchestra.context("conflicts", new SpendLedger(Budget.UNLIMITED));
    }

    @AfterEach
    void close() {
        orchestra.close();
    }

    @Test
    void aStepThatConflictsRunsAgainOnTheNewBaseAndLands() throws Exception {
        RunState state = state(edit("first", "s/^1$/1 first/"), edit("second", "s/^1$/one/; s/^5$/five/"));
        StepRunner runner = new StepRunner(context);
        StepRunner.Work first = StepRunner.work(runner.prepare(state, step(state, "first")));
        StepRunner.Work second = StepRunner.work(runner.prepare(state, step(state, "second")));

        runner.finish(state, first);
        runner.finish(state, second);

        assertThat(state.step("second").status).isEqualTo(StepRecord.Status.PENDING);
        assertThat(state.step("second").retryNote).contains("conflicted with changes that landed meanwhile in notes.txt");
        assertThat(progress).anyMatch(line -> line.contains("second conflicts in notes.txt; running it again on the new base"));

        runner.finish(state, StepRunner.work(runner.prepare(state, step(state, "second"))));
        runner.endRound(state);

        assertThat(state.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(state.step("second").status).isEqualTo(StepRecord.Status.DELEGATED);
        assertThat(state.step("second").attempts).isEqualTo(2);
        assertThat(file(state.candidate(), "notes.txt")).isEqualTo("1 first\n2\n3\n4\nfive\n");
        assertThat(messages(state.candidate())).containsExactly("second", "first", "base");
    }

    @Test
    void aStepThatConflictsAgainAfterItsReRunIsEscalated() throws Exception {
        RunState state = state(edit("first", "s/^1$/1 first/"), edit("second", "s/^1$/one/; s/^5$/five/"),
                edit("third", "s/^5$/5 third/"));
        StepRunner runner = new StepRunner(context);
        StepRunner.Work first = StepRunner.work(runner.prepare(state, step(state, "first")));
        StepRunner.Work second = StepRunner.work(runner.prepare(state, step(state, "second")));
        StepRunner.Work third = StepRunner.work(runner.prepare(state, step(state, "third")));
        runner.finish(state, first);
        runner.finish(state, second); // sent back
        StepRunner.Work again = StepRunner.work(runner.prepare(state, step(state, "second")));
        runner.finish(state, third); // lands meanwhile, on the line the re-run changes

        PhaseOutcome outcome = runner.finish(state, again);
        runner.endRound(state);

        assertThat(outcome.status()).isEqualTo(RunStatus.ESCALATED);
        assertThat(outcome.failedStep()).isEqualTo("second");
        assertThat(outcome.failure()).contains("conflicts in notes.txt", "even after a re-run", "a human must combine them");
        assertThat(file(state.candidate(), "notes.txt")).isEqualTo("1 first\n2\n3\n4\n5 third\n");
        assertThat(repo.commit("main")).isEqualTo(state.baseCommit());
    }

    private static Step edit(String id, String sed) {
        return new Step(id, "command", id, List.of("notes.txt"), List.of(),
                Map.of("run", "sed -e '" + sed + "' notes.txt > notes.new && mv notes.new notes.txt"), null);
    }

    private RunState state(Step... steps) {
        RunState state = RunStates.started("conflicts", "", "conflicts", new Plan("conflicts", "", List.of(steps)),
                repo.head(), "main", java.time.Instant.now().toString());
        return state; // a step record for each step, pending, as ingest leaves them
    }

    private static Step step(RunState state, String id) {
        return state.plan().steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private String file(String commit, String path) {
        return repo.show(commit, path);
    }

    /** The commits' step ids (their subjects up to the colon), newest first. */
    private List<String> messages(String commit) {
        return repo.log(commit).stream().map(subject -> subject.replaceAll(":.*", "")).toList();
    }
}
