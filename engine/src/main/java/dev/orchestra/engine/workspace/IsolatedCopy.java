package dev.orchestra.engine.workspace;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * One agent's own working copy of a commit: a fresh repository outside the user's working tree that
 * borrows every object from the source repository through {@code objects/info/alternates}, so
 * creating it copies no history. Agents write here; the run branch is never touched.
 */
public final class IsolatedCopy implements StepCopy {
    static final String BRANCH = "orchestra-work";

    private final Path dir;
    private final Git git;
    private final ObjectId base;

    private IsolatedCopy(Path dir, Git git, ObjectId base) {
        this.dir = dir;
        this.git = git;
        this.base = base;
    }

    /**
     * Creates {@code parentDir/name} (keep it outside the user's working tree), shares {@code source}'s
     * objects and checks out {@code commitId} (an id or anything {@code source} resolves to a commit).
     */
    public static IsolatedCopy create(Repository source, String commitId, Path parentDir, String name)
            throws IOException {
        ObjectId base = resolveCommit(source, commitId);
        Path dir = freshFolder(parentDir, name);
        try {
            return checkOut(source, base, dir);
        } catch (IOException | RuntimeException e) {
            DirectoryDeletion.deleteTree(dir);
            throw e;
        }
    }

    /** An empty folder {@code parentDir/name}; one left behind by a process that was killed is emptied. */
    static Path freshFolder(Path parentDir, String name) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new BadInputException("copy name '" + name + "' must use only letters, digits, '.', '-', '_'");
        }
        Path dir = Files.createDirectories(parentDir).toAbsolutePath().resolve(name);
        if (Files.exists(dir)) {
            DirectoryDeletion.deleteTree(dir);
        }
        return Files.createDirectory(dir);
    }

    private static IsolatedCopy checkOut(Repository source, ObjectId base, Path dir) throws IOException {
        try (Git init = Git.init().setDirectory(dir.toFile()).setInitialBranch(BRANCH).call()) {
            Path alternates = init.getRepository().getDirectory().toPath().resolve("objects/info/alternates");
            Files.createDirectories(alternates.getParent());
            Path objects = source.getDirectory().toPath().toAbsolutePath().resolve("objects");
            Files.writeString(alternates, objects + "\n");
        } catch (GitAPIException e) {
            throw new IOException("cannot create a repository in " + dir + ": " + e.getMessage(), e);
        }
        // Objects the copy writes go straight into the source's store (git tools in the copy read it
        // through the alternates file): bringing a commit back is then only a ref update.
        Git git = Git.wrap(new FileRepositoryBuilder()
                .setGitDir(dir.resolve(".git").toFile()).setWorkTree(dir.toFile())
                .setObjectDirectory(source.getDirectory().toPath().resolve("objects").toFile()).setMustExist(true).build());
        try {
            git.reset().setMode(ResetType.HARD).setRef(base.name()).call();
        } catch (GitAPIException e) {
            git.close();
            throw new IOException("cannot check out " + base.name() + " in " + dir + ": " + e.getMessage(), e);
        }
        return new IsolatedCopy(dir, git, base);
    }

    /** The commit {@code commitId} names in {@code repo}; a clear error when there is none. */
    static ObjectId resolveCommit(Repository repo, String commitId) throws IOException {
        ObjectId commit;
        try {
            commit = repo.resolve(commitId + "^{commit}");
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            commit = null;
        }
        if (commit == null) {
            throw new BadInputException("commit '" + commitId + "' is not in repository " + repo.getDirectory());
        }
        return commit;
    }

    /** The working tree the agent may write. */
    @Override
    public Path dir() {
        return dir;
    }

    /** Empty: a full copy has every file on disk. */
    @Override
    public Optional<CommitView> view() {
        return Optional.empty();
    }

    /** The commit the copy started from. */
    public String baseCommit() {
        return base.name();
    }

    /** The copy's current commit: the base, or the last commit made by {@link #commitChanges}. */
    public String headCommit() throws IOException {
        return git.getRepository().resolve("HEAD^{commit}").name();
    }

    /**
     * Stages every added, modified and deleted file that .gitignore does not exclude and commits it on
     * top of the copy's head; empty when nothing changed.
     */
    @Override
    public Optional<String> commitChanges(String message, PersonIdent author) throws IOException {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            Status status = git.status().call();
            if (status.getAdded().isEmpty() && status.getChanged().isEmpty() && status.getRemoved().isEmpty()) {
                return Optional.empty();
            }
            RevCommit commit = git.commit().setMessage(message).setAuthor(author).setCommitter(author)
                    .setSign(false).setNoVerify(true).call();
            return Optional.of(commit.name());
        } catch (GitAPIException e) {
            throw new IOException("cannot commit in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Points {@code ref} in {@code source} (e.g. {@code refs/orchestra/<run>/steps/<step>}) at the copy's
     * head, so the engine can integrate it (the objects are already in the source's store); returns its id.
     */
    public String bringBack(Repository source, String ref) throws IOException {
        Refs.requireName(ref);
        return pointAt(source, ref);
    }

    private String pointAt(Repository source, String ref) throws IOException {
        ObjectId head = git.getRepository().resolve("HEAD^{commit}");
        Refs.point(source, ref, head);
        return head.name();
    }

    /** Empty: git writes the copy's commits straight into the source repository's store. */
    @Override
    public ObjectBatch unwritten() {
        return new ObjectBatch(git.getRepository());
    }

    /** Files, insertions and deletions between the base and the copy's head commit. */
    @Override
    public ChangeStats stats() throws IOException {
        return ChangeCounter.between(git.getRepository(), base, git.getRepository().resolve("HEAD^{commit}"));
    }

    /** Closes the repository and deletes the copy's directory, read-only files included. */
    @Override
    public void close() {
        git.close();
        try {
            DirectoryDeletion.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete isolated copy " + dir, e);
        }
    }
}
