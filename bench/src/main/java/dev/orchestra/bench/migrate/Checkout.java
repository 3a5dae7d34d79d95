package dev.orchestra.bench.migrate;

import dev.orchestra.engine.process.ProcessResult;
import dev.orchestra.engine.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A fresh checkout of one repository at its commit, as a user would have it: the commit's tree from
 * the bare repository, the pom patch applied, then {@code git init} and one commit of everything.
 */
final class Checkout {
    private Checkout() {}

    /** Creates {@code folder} (which must not exist) and returns it; every command's output goes to {@code log}. */
    static Path prepare(Path bareRepo, RepositoryCase repo, Path patch, Path folder, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path tar = folder.resolveSibling(folder.getFileName() + ".tar");
        run(List.of("git", "--git-dir=" + bareRepo, "archive", "-o", tar.toString(), repo.commit()), folder, log);
        run(List.of("tar", "-x", "-f", tar.toString(), "-C", folder.toString()), folder, log);
        Files.delete(tar);
        if (patch != null) {
            run(List.of("git", "apply", patch.toAbsolutePath().toString()), folder, log);
        }
        run(List.of("git", "-c", "init.defaultBranch=main", "init", "-q"), folder, log);
        run(List.of("git", "add", "-A"), folder, log);
        run(List.of("git", "-c", "user.name=Orchestra bench", "-c", "user.email=bench@example.invalid",
                "commit", "-q", "--no-verify", "-m", repo.repo() + " at " + repo.commit()), folder, log);
        return folder;
    }

    private static void run(List<String> command, Path dir, Path log) throws IOException, InterruptedException {
        ProcessResult result = ProcessRunner.of(command).directory(dir).logTo(log).run();
        if (!result.succeeded()) {
            throw new IOException("'" + String.join(" ", command) + "' failed (exit code " + result.exitCode()
                    + ") in " + dir + "; see " + log);
        }
    }
}
