package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.campaign.RepoLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The clones of a campaign, {@code DIR/repos/<name>}: each made beside its place and renamed into it, so a kill
 * never leaves a half clone that looks whole. Over HTTPS, {@code $ORCHESTRA_CLONE_TOKEN} (when set) is the password.
 */
final class CampaignClones {
    static final String TOKEN_ENV = "ORCHESTRA_CLONE_TOKEN";
    private final Path reposDir;
    private final Map<String, String> env;

    CampaignClones(Path campaignDir, Map<String, String> env) {
        this.reposDir = campaignDir.resolve("repos");
        this.env = env;
    }

    Path ensure(RepoLine repo, Consumer<String> progress) {
        Path clone = reposDir.resolve(repo.name());
        if (Files.isDirectory(clone.resolve(".git"))) {
            return clone;
        }
        Path partial = reposDir.resolve("." + repo.name() + ".partial");
        try {
            CampaignRunnerFiles.delete(partial);
            Files.createDirectories(reposDir);
            progress.accept("cloning " + repo.source() + " (" + repo.branch() + ")");
            var command = Git.cloneRepository().setURI(source(repo.source())).setDirectory(partial.toFile())
                    .setBranch(repo.branch());
            String token = env.get(TOKEN_ENV);
            if (token != null && !token.isBlank() && repo.source().startsWith("http")) {
                command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(
                        env.getOrDefault("ORCHESTRA_GIT_USER", "x-access-token"), token));
            }
            try (Git git = command.call()) {
                if (git.getRepository().resolve("HEAD") == null) {
                    throw new BadInputException(repo.source() + ": has no branch " + repo.branch());
                }
            }
            Files.move(partial, clone, StandardCopyOption.ATOMIC_MOVE);
            return clone;
        } catch (GitAPIException e) {
            throw new BadInputException("cannot clone " + repo.source() + " (" + repo.branch() + "): "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clone " + repo.source() + " into " + clone, e);
        }
    }

    /** A path becomes an absolute file path JGit clones from; a URL stays as it is. */
    private static String source(String source) {
        return source.contains("://") || source.matches("[^@/]+@[^:/]+:.+") ? source
                : Path.of(source).toAbsolutePath().toString();
    }
}
