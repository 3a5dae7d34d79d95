package dev.orchestra.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.gate.Gate;
import dev.orchestra.engine.state.RunRequest;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStates;
import dev.orchestra.engine.state.RunStatus;
import dev.orchestra.engine.trust.RunKey;
import dev.orchestra.engine.trust.StateSignature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    private static final PersonIdent ME = new PersonIdent("Test", "test@example.invalid");
    private static final RunKey KEY = RunKey.of("the operator's key, 32 bytes long".getBytes());

    @TempDir
    Path temp;

    Path repo;
    Git git;
    RunStore store;

    @BeforeEach
    void repository() throws Exception {
        repo = temp.resolve("repo");
        git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
        Files.writeString(repo.resolve("README.md"), "A project.\n");
        commit("base");
        store = new RunStore(repo, git.getRepository(), KEY);
    }

    @AfterEach
    void close() {
        git.close();
    }

    private void commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor(ME).setCommitter(ME).setSign(false).call();
    }

    private RunState state(String runId) {
        RunRequest request = RunRequest.builder().runId(runId).workflow("w", new dev.orchestra.engine.plan.Plan("w", "", List.of()))
                .baseCommit("0123456789012345678901234567890123456789").validateCommand("mvn -B test").build();
        return RunStates.started(request, "main", Instant.now().toString());
    }

    @Test
    void aSavedRunLoadsAsItWasSaved() {
        store.save(state("r1"));
        assertThat(store.load("r1").request().validateCommand()).isEqualTo("mvn -B test");
    }

    @Test
    void aRunWhoseStateWasEditedIsRefused() throws Exception {
        store.save(state("r1"));
        Path file = repo.resolve(".orchestra/runs/r1/state.json");
        Files.writeString(file, Files.readString(file).replace("mvn -B test", "touch pwned"));
        assertThatThrownBy(() -> store.load("r1")).isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("not written by Orchestra with this operator's run key");
    }

    @Test
    void aRunSignedWithAnotherKeyIsRefused() {
        new RunStore(repo, git.getRepository(), RunKey.of("someone else's key, 32 bytes long".getBytes())).save(state("r1"));
        assertThatThrownBy(() -> store.load("r1")).isInstanceOf(RunRefusedException.class);
    }

    @Test
    void aRunFolderTrackedInGitIsRefusedEvenWithAValidSignature() throws Exception {
        store.save(state("r1"));
        commit("a run folder in the repository");
        assertThatThrownBy(() -> store.load("r1")).isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("tracks .orchestra/runs/r1/state.json");
        assertThatThrownBy(() -> store.requireNew("r1")).isInstanceOf(BadInputException.class);
    }

    @Test
    void aFileTheRepositoryTracksInANewRunsFolderRefusesTheNewRun() throws Exception {
        Files.createDirectories(repo.resolve(".orchestra/runs/r1"));
        Files.writeString(repo.resolve(".orchestra/runs/r1/transcript.jsonl"), "{}\n");
        commit("a planted transcript");
        assertThatThrownBy(() -> store.requireNew("r1")).hasMessageContaining("tracks .orchestra/runs/r1/transcript.jsonl");
    }

    @Test
    void aRunsFolderReachedThroughALinkIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.createDirectories(repo.resolve(".orchestra"));
        Files.createSymbolicLink(repo.resolve(".orchestra/runs"), elsewhere);
        assertThatThrownBy(() -> store.requireNew("r1")).hasMessageContaining(".orchestra/runs is a symbolic link");
        assertThatThrownBy(() -> store.save(state("r1"))).hasMessageContaining("symbolic link");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void aRunSavedBeforeTheRequestMovedIntoTheStateResumesAsItStood() throws Exception {
        String old = """
                {"runId": "old1", "task": "Tidy up.", "workflow": "tidy", "baseCommit": "0123456789012345678901234567890123456789",
                 "baseBranch": "main", "runBranch": "orchestra/old1", "branchHead": "0123456789012345678901234567890123456789",
                 "validateCommand": "mvn -B test", "externalValidation": false, "junitGlobs": ["**/TEST-*.xml"],
                 "stepTimeoutSeconds": 600, "jobs": 2, "leaveWorkingTree": false, "gates": ["patch", "plan"],
                 "plan": {"name": "tidy", "description": "", "steps": []}, "phase": "INTEGRATE", "status": "WAITING_GATE",
                 "waitingFor": "patch", "waitingSince": "2026-01-01T00:00:00Z", "steps": [], "decisions": [], "passedGates": [],
                 "model": null, "modelFlags": {}, "maxFixIterations": 2, "fixIterations": 1, "writeScope": [],
                 "allowProtected": [], "passEnv": [], "budget": {"maxTokens": 5000, "maxCost": null, "maxModelCalls": null,
                 "maxWallTime": null, "maxFixIterations": null}, "spent": {"modelCalls": 4, "inputTokens": 100,
                 "outputTokens": 50, "cost": 0.0, "fixIterations": 0, "elapsed": 12.0}, "refusals": [], "fixFingerprints": [],
                 "plannerUsage": {"toolRuns": 0, "modelCalls": 1, "inputTokens": 10, "outputTokens": 5, "cost": 0.0},
                 "candidate": "0123456789012345678901234567890123456789", "phaseMillis": {"plan": 5},
                 "createdAt": "2026-01-01T00:00:00Z"}""";
        Path file = repo.resolve(".orchestra/runs/old1/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new StateSignature(KEY).sign("old1", old));

        RunState loaded = store.load("old1");

        assertThat(loaded.runId()).isEqualTo("old1");
        assertThat(loaded.runBranch()).isEqualTo("orchestra/old1");
        assertThat(loaded.status()).isEqualTo(RunStatus.WAITING_GATE);
        assertThat(loaded.waitingFor()).isEqualTo("patch");
        assertThat(loaded.request().gates()).containsExactly(Gate.PLAN, Gate.PATCH);
        assertThat(loaded.request().stepTimeout()).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(loaded.request().maxFixIterations()).isEqualTo(2);
        assertThat(loaded.request().budget().maxTokens()).isEqualTo(5000L);
        assertThat(loaded.request().validateCommand()).isEqualTo("mvn -B test");
        assertThat(loaded.fixIterations()).as("the fix iteration the old state counted apart").isEqualTo(1);
        assertThat(loaded.spent().modelCalls()).isEqualTo(4);
    }

    @Test
    void aNullFieldIsNamedInsteadOfFailingLater() throws Exception {
        RunState state = state("r1");
        RunStates.loseSteps(state);
        store.save(state);
        assertThatThrownBy(() -> store.load("r1")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("field 'steps' is null");
    }

    @Test
    void aDamagedRunIsListedAsUnreadableBesideTheOthers() throws Exception {
        store.save(state("good"));
        store.save(state("bad"));
        Path bad = repo.resolve(".orchestra/runs/bad/state.json");
        Files.writeString(bad, Files.readString(bad).substring(0, 100));
        assertThat(store.list()).extracting(RunStore.Listed::runId, RunStore.Listed::trusted, RunStore.Listed::refused)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("good", true, false),
                        org.assertj.core.groups.Tuple.tuple("bad", false, false));
        assertThat(store.list().get(1).problem()).contains("unreadable run state");
    }

    @Test
    void resumingWithoutARunIdNeverPicksARefusedRun() throws Exception {
        new RunStore(repo, git.getRepository(), RunKey.of("someone else's key, 32 bytes long".getBytes())).save(state("theirs"));
        assertThatThrownBy(store::latestOpen).hasMessageContaining("no unfinished run")
                .hasMessageContaining("1 run folder(s) refused");
        store.save(state("mine"));
        assertThat(store.latestOpen().runId()).isEqualTo("mine");
    }

    @Test
    void aRunIdGitRefusesInABranchNameIsBadInput() {
        assertThatThrownBy(() -> RunStore.checkRunId("x.lock")).hasMessageContaining("git refuses it");
        assertThatThrownBy(() -> RunStore.checkRunId("a..b")).hasMessageContaining("git refuses it");
        assertThat(RunStore.checkRunId("release-1.2_rc")).isEqualTo("release-1.2_rc");
    }
}
