package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a {@code .git} that is a file ({@code gitdir: ...}) says the folder is: a linked worktree or a submodule. */
final class GitFile {
    private GitFile() {}

    /** Why Orchestra does not work in the folder whose {@code .git} is {@code gitFile}, and what to give instead. */
    static String describe(Path gitFile) {
        String gitdir = gitdir(gitFile);
        if (gitdir.contains("/worktrees/")) {
            String main = gitdir.substring(0, gitdir.indexOf("/worktrees/"));
            return "a linked worktree (git worktree add) of " + main + "; Orchestra works in a repository's main "
                    + "working tree: give --repo " + (main.endsWith("/.git") ? main.substring(0, main.length() - 5) : main)
                    + ", or a clone";
        }
        if (gitdir.contains("/modules/")) {
            return "a submodule's working tree (its .git is a file pointing to " + gitdir + "); give a clone of it instead";
        }
        return "its .git is a file, not a folder (gitdir: " + gitdir + "); give a repository's main working tree";
    }

    private static String gitdir(Path gitFile) {
        try (java.io.InputStream in = Files.newInputStream(gitFile)) {
            String text = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8).strip()
                    .replaceAll("\\p{Cntrl}", "?");
            String value = text.startsWith("gitdir:") ? text.substring("gitdir:".length()).strip() : text;
            Path target = gitFile.getParent().resolve(value).normalize();
            return target.toString().replace('\\', '/');
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
