package dev.orchestra.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.plan.ModelPlanner;
import dev.orchestra.engine.state.ModelAccount;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.validate.TestCase;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Asks the orchestrator model for its account of the run and checks every file and test it names. */
final class AccountCheck {
    /** How much of the change's diff the model's account is given. */
    private static final int MAX_DIFF_CHARS = 30_000;
    private final RunContext context;

    AccountCheck(RunContext context) {
        this.context = context;
    }

    void attach(RunState state) {
        if (context.planner() == null || state.account() != null) {
            return;
        }
        String head = context.tree().branchCommit(state.runBranch());
        if (head == null || head.equals(state.baseCommit())) {
            return;
        }
        Repository repo = context.tree().repository();
        String diff = Diffs.cut(Diffs.between(repo, state.baseCommit(), head), MAX_DIFF_CHARS);
        String tests = state.validation() == null ? "(no validation ran)" : state.validation().tests.summary();
        ModelPlanner.Account answer = context.planner().account(state.task(), diff, tests);
        state.addPlannerUsage(answer.usage());
        JsonNode json = answer.json();
        if (json == null) {
            context.progress("summary: the model gave no readable account; left out");
            return;
        }
        try {
            state.attachAccount(read(json, repo, head, state));
        } catch (IOException e) {
            context.progress("summary: the model's account could not be checked (" + e.getMessage() + "); left out");
        }
    }

    private static ModelAccount read(JsonNode root, Repository repo, String head, RunState state) throws IOException {
        ModelAccount account = new ModelAccount();
        account.changes = root.path("changes").asText("");
        root.path("risks").forEach(r -> account.risks.add(r.asText()));
        root.path("files").forEach(f -> account.files.add(f.asText()));
        root.path("tests").forEach(t -> account.tests.add(t.asText()));
        for (String file : account.files) {
            if (!existsAt(repo, head, file)) {
                account.flagged.add("file " + file + " does not exist on " + state.runBranch());
            }
        }
        Set<String> testIds = state.validation() == null ? Set.of()
                : state.validation().tests.cases().stream().map(TestCase::id).collect(Collectors.toSet());
        for (String test : account.tests) {
            if (!testIds.contains(test)) {
                account.flagged.add("test " + test + " is not among the tests of the final validation");
            }
        }
        return account;
    }

    private static boolean existsAt(Repository repo, String commit, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return !path.isBlank() && TreeWalk.forPath(repo, path, walk.parseCommit(ObjectId.fromString(commit)).getTree()) != null;
        }
    }
}
