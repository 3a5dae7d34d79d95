package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Where one step's agent works, outside the user's working tree: a plain folder (never a git repository) holding
 * every file of the commit ({@link IsolatedCopy}, for tools that build the project) or only the step's files
 * ({@link FolderCopy}, for agents that name them). Either way the engine takes the step's changes as one commit.
 */
public sealed interface StepCopy extends AutoCloseable permits IsolatedCopy, FolderCopy {

    /** The folder the agent may write. */
    Path dir();

    /** The commit the copy holds, for reading files the folder does not hold; empty for a full copy. */
    Optional<CommitView> view();

    /** Commits what changed in the folder on top of the copy's head; empty when nothing changed. */
    Optional<String> commitChanges(String message, PersonIdent author) throws IOException;

    /**
     * The objects of the copy's commits that the repository does not hold yet, readable through the batch and kept
     * in memory until the engine writes them with the merge.
     */
    ObjectBatch unwritten();

    /** Files, insertions and deletions between the copy's base and its head commit. */
    ChangeStats stats() throws IOException;

    /** Deletes the copy's folder. */
    @Override
    void close();
}
