package dev.orchestra.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.output.ShortList;
import dev.orchestra.engine.plan.ModelPlanner;
import dev.orchestra.engine.state.ModelAccount;
import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.state.ValidationRecord;
import dev.orchestra.engine.validate.TestCase;
import dev.orchestra.engine.validate.TestComparison;
import java.io.IOException;
import java.util.List;
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
    /** Test ids of each kind the account is given by name; the rest are counted. */
    static final int TEST_IDS_SHOWN = 30;
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
        String tests = state.validation() == null ? "(no validation ran)" : testResults(state.validation());
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

    /**
     * The final validation's counts, then the ids of the tests the account may name: those failing now, those the run
     * added and those it fixed, each list cut at {@link #TEST_IDS_SHOWN} with "and N more".
     */
    static String testResults(ValidationRecord validation) {
        StringBuilder text = new StringBuilder(validation.tests.summary());
        List<String> failing = validation.tests.cases().stream().filter(c -> c.outcome().broken()).map(TestCase::id).toList();
        TestComparison comparison = validation.comparison;
        ids(text, "failing now", failing);
        if (comparison != null) {
            ids(text, "added by this change", comparison.added());
            ids(text, "passing again", comparison.newlyPassing());
            ids(text, "no longer run", comparison.notRun());
        }
        return text.toString();
    }

    private static void ids(StringBuilder text, String kind, List<String> ids) {
        if (!ids.isEmpty()) {
            text.append("\nTests ").append(kind).append(" (").append(ids.size()).append("): ")
                    .append(ShortList.of(ids, TEST_IDS_SHOWN));
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
