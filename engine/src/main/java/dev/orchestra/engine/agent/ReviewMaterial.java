package dev.orchestra.engine.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What a reviewer reads besides the files: the change so far (the diff of its copy against the run's
 * base commit) and the latest test results, both fenced as data.
 */
final class ReviewMaterial {
    /** Task parameters the engine adds for model agents. */
    private static final int MAX_DIFF_CHARS = 60_000;

    private ReviewMaterial() {}

    static String forTask(AgentTask task, ModelRole role) throws IOException {
        if (role != ModelRole.REVIEWER) {
            return "";
        }
        String base = task.run().baseCommit();
        String tests = task.run().testResults();
        String diff = base == null ? "(the base commit is unknown)" : diff(task, base);
        return "<diff>\n" + diff + "\n</diff>\n<test-results>\n" + (tests == null ? "(none yet)" : tests) + "\n</test-results>\n";
    }

    private static String diff(AgentTask task, String base) throws IOException {
        if (task.repository() != null) {
            return diff(task.repository().repository(), base, task.repository().commit());
        }
        try (Git git = Git.open(task.workdir().toFile())) {
            return diff(git.getRepository(), base, git.getRepository().resolve("HEAD^{commit}"));
        }
    }

    private static String diff(Repository repo, String base, ObjectId head) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DiffFormatter formatter = new DiffFormatter(out)) {
                formatter.setRepository(repo);
                formatter.format(walk.parseCommit(ObjectId.fromString(base)).getTree(), walk.parseCommit(head).getTree());
            }
            String text = out.toString(StandardCharsets.UTF_8);
            return text.length() > MAX_DIFF_CHARS ? text.substring(0, MAX_DIFF_CHARS) + "\n… (diff cut)" : text;
        }
    }
}
