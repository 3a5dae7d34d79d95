package dev.orchestra.engine.trust;

import dev.orchestra.engine.BadInputException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses run folders the repository could have put in place: {@code .orchestra}, {@code .orchestra/runs} or a run's
 * folder reached through a symbolic link or tracked in git (in the index or the HEAD commit).
 */
public final class RunFolders {
    static final String RUNS = ".orchestra/runs";

    private final Path repoDir;
    private final TrackedFiles tracked;

    public RunFolders(Path repoDir, TrackedFiles tracked) {
        this.repoDir = repoDir;
        this.tracked = tracked;
    }

    /** Why the folder of {@code runId} is not Orchestra's own, or empty when it may be. */
    public Optional<String> problem(String runId) {
        Optional<String> path = linkedOrNotFolder(runId);
        if (path.isPresent()) {
            return Optional.of(path.get() + " is a symbolic link or not a folder; Orchestra keeps run state only in real folders");
        }
        for (String parent : new String[] {".orchestra", RUNS}) {
            if (tracked.isFile(parent)) {
                return Optional.of("the repository tracks " + parent + " as a file");
            }
        }
        return tracked.at(RUNS + "/" + runId).map(file -> "the repository tracks " + file + "; run state that comes"
                + " with the repository is never Orchestra's (remove it: git rm -r --cached " + RUNS + ")");
    }

    /** Refuses a new run whose folder already exists, or could not be Orchestra's own. */
    public void requireFree(String runId) {
        problem(runId).ifPresent(why -> {
            throw new BadInputException("run " + runId + " cannot start: " + why);
        });
        if (Files.exists(repoDir.resolve(RUNS).resolve(runId), LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("run folder " + RUNS + "/" + runId + " already exists, and holds no run this"
                    + " operator started; choose another --run-id, or delete the folder");
        }
    }

    /** Refuses to write through a symbolic link: the first of the run's folders that is one or is no folder. */
    public void requireRealFolders(String runId) {
        linkedOrNotFolder(runId).ifPresent(path -> {
            throw new IllegalStateException(path + " became a symbolic link or a file; run state is not written there");
        });
    }

    private Optional<String> linkedOrNotFolder(String runId) {
        String[] paths = {".orchestra", RUNS, RUNS + "/" + runId};
        for (String path : paths) {
            Path folder = repoDir.resolve(path);
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
