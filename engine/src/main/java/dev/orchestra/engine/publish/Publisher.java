package dev.orchestra.engine.publish;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.forge.Forge;
import dev.orchestra.engine.forge.ForgeFailure;
import dev.orchestra.engine.forge.ForgeKind;
import dev.orchestra.engine.forge.ForgeRefusal;
import dev.orchestra.engine.forge.ForgeTarget;
import dev.orchestra.engine.forge.Forges;
import dev.orchestra.engine.forge.PullRequest;
import dev.orchestra.engine.forge.PullRequestDraft;
import dev.orchestra.engine.gate.Gate;
import dev.orchestra.engine.gate.GateDecision;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Takes a finished run's branch out of the workspace, after the last gate: checks that what goes out is what the pr
 * gate approved (the run branch's head and its patch series' hash), pushes it with JGit, then opens or updates the
 * pull request, and records what it did in {@code publish.json} (run folder and bundle). A run that escalated goes
 * out as a draft, and only when no human is attached to the pr gate.
 */
public final class Publisher {
    public static final String FILE = "publish.json";
    private final Repository repo;
    private final Path runDir;
    private final Map<String, String> env;
    private final Consumer<String> progress;

    public Publisher(Repository repo, Path runDir, Map<String, String> env, Consumer<String> progress) {
        this.repo = repo;
        this.runDir = runDir;
        this.env = env;
        this.progress = progress;
    }

    /** True when {@code state} has reached the point where its branch may leave the workspace. */
    public static boolean ready(RunState state) {
        GateDecision pr = state.decision(Gate.PR.id());
        return state.status() == RunStatus.DONE && pr != null && pr.approved()
                || state.status() == RunStatus.ESCALATED && !state.request().humanAt(Gate.PR);
    }

    /**
     * Checks, before a run starts, what publishing will need: the remote, the forge it names and the token's
     * variable; bad input otherwise, so a run never works for an hour to fail at its push.
     */
    public void check(PublishRequest request) {
        String url = new BranchPush(repo, env).url(request.remote());
        if (request.pullRequest()) {
            Forges.of(target(request), env);
        } else if (url.startsWith("ssh://") || url.matches("[^@/]+@[^:/]+:.+")) {
            throw new BadInputException("--push " + request.remote() + ": " + url + " is an SSH URL; Orchestra pushes over"
                    + " HTTPS or to a path or file:// URL");
        }
    }

    public PublishOutcome publish(RunState state, PublishRequest request) {
        if (!ready(state)) {
            throw new BadInputException("run " + state.runId() + " is " + state.status().name().toLowerCase().replace('_', ' ')
                    + ": its branch leaves the workspace only after the pr gate approved it");
        }
        ForgeTarget target = request.pullRequest() ? target(request) : null;
        Forge forge = target == null ? null : Forges.of(target, env);
        String commit = requireApproved(state);
        SeriesHash.Hash series = SeriesHash.of(repo, state.baseCommit(), commit);
        requireShownSeries(state, series);
        boolean draft = state.status() == RunStatus.ESCALATED;
        String tokenEnv = target != null ? target.tokenEnv() : tokenEnvForPush(request);
        String user = env.getOrDefault("ORCHESTRA_GIT_USER", target != null ? target.kind().pushUser() : "x-access-token");
        new BranchPush(repo, env).push(request.remote(), commit, state.runBranch(), tokenEnv, user);
        progress.accept("pushed " + state.runBranch() + " (" + commit.substring(0, 10) + ", " + series.patches()
                + " patch(es), sha256 " + series.brief() + ") to " + request.remote());
        PullRequest pull = forge == null ? null : open(state, request, target, forge, draft, series);
        PublishOutcome outcome = new PublishOutcome(request.remote(), state.runBranch(), commit, series.sha256(), draft, pull,
                Instant.now().toString());
        record(outcome);
        return outcome;
    }

    private PullRequest open(RunState state, PublishRequest request, ForgeTarget target, Forge forge, boolean draft,
                             SeriesHash.Hash series) {
        String footer = "Opened by Orchestra, run `" + state.runId() + "`: " + "patch series sha256 `"
                + series.brief() + "`"
                + (request.reportUrl() == null ? "" : " · [report](" + request.reportUrl() + ")");
        String body = PullRequestText.body(summary(), footer, target.kind().bodyLimit());
        String base = request.base() != null ? request.base() : state.baseBranch();
        PullRequestDraft draftRequest = new PullRequestDraft(PullRequestText.title(state), body, state.runBranch(), base, draft,
                request.labels());
        try {
            PullRequest pull = forge.openOrUpdate(draftRequest);
            progress.accept((pull.created() ? "opened" : "updated") + (draft ? " draft" : "") + " pull request #"
                    + pull.number() + ": " + pull.url());
            pull.notes().forEach(note -> progress.accept("pull request: " + note));
            return pull;
        } catch (ForgeRefusal e) {
            throw new ForgeRefusal(e.status(), pushedButNot(state, request) + e.getMessage());
        } catch (ForgeFailure e) {
            throw new ForgeFailure(pushedButNot(state, request) + e.getMessage(), e);
        }
    }

    private static String pushedButNot(RunState state, PublishRequest request) {
        return "branch " + state.runBranch() + " is pushed to " + request.remote() + " but no pull request was opened"
                + " (fix this, then: orchestra publish --run-id " + state.runId() + "): ";
    }

    private ForgeTarget target(PublishRequest request) {
        ForgeKind kind = request.forge() == null ? null : ForgeKind.parse(request.forge());
        if (kind != null && request.forgeUrl() != null && request.forgeRepo() != null) { // the remote may be a path
            return new ForgeTarget(kind, request.forgeUrl(), request.forgeRepo(),
                    request.tokenEnv() != null ? request.tokenEnv() : kind.tokenEnv());
        }
        String url = new BranchPush(repo, env).url(request.remote());
        ForgeTarget target = ForgeTarget.of(url, kind, request.forgeUrl(), request.tokenEnv());
        return request.forgeRepo() == null ? target
                : new ForgeTarget(target.kind(), target.apiBase(), request.forgeRepo(), target.tokenEnv());
    }

    private static String tokenEnvForPush(PublishRequest request) {
        if (request.tokenEnv() != null) {
            return request.tokenEnv();
        }
        return request.forge() == null ? ForgeKind.GITHUB.tokenEnv() : ForgeKind.parse(request.forge()).tokenEnv();
    }

    /** The run branch's head, when it is still where the run left it (where the pr gate approved it). */
    private String requireApproved(RunState state) {
        ObjectId actual;
        try {
            actual = repo.resolve("refs/heads/" + state.runBranch());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (actual == null || !actual.name().equals(state.branchHead())) {
            throw new BadInputException("branch " + state.runBranch() + " moved since the pr gate approved "
                    + brief(state.branchHead()) + " (it is now at " + (actual == null ? "nothing" : brief(actual.name()))
                    + "); Orchestra pushes only what was approved: put it back (git branch -f " + state.runBranch() + " "
                    + brief(state.branchHead()) + ") or open the pull request by hand");
        }
        return actual.name();
    }

    private void requireShownSeries(RunState state, SeriesHash.Hash series) {
        Map<String, Object> shown = PrGateSeries.read(runDir);
        if (state.status() != RunStatus.DONE) {
            return;
        }
        if (shown == null || !Objects.equals(shown.get("sha256"), series.sha256())
                || !Objects.equals(shown.get("head"), state.branchHead())) {
            throw new BadInputException("the patch series of " + state.runBranch() + " (sha256 " + series.brief()
                    + ") is not the one the pr gate showed"
                    + (shown == null ? " (no record of what it showed)" : " (sha256 " + brief(String.valueOf(shown.get("sha256"))) + ")")
                    + "; Orchestra pushes only what was approved");
        }
    }

    private String summary() {
        Path summary = runDir.resolve("bundle").resolve("SUMMARY.md");
        try {
            return Files.isRegularFile(summary) ? Files.readString(summary) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(PublishOutcome outcome) {
        try {
            Json.write(runDir.resolve(FILE), outcome);
            if (Files.isDirectory(runDir.resolve("bundle"))) {
                Json.write(runDir.resolve("bundle").resolve(FILE), outcome);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String brief(String commit) {
        return commit == null ? "(unknown)" : commit.substring(0, Math.min(12, commit.length()));
    }
}
