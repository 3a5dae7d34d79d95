package dev.orchestra.engine.run;

import dev.orchestra.engine.state.RunState;
import dev.orchestra.engine.workspace.IsolatedCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The repository's files at a commit, for reading (planning): the working tree when the run owns it
 * and it holds that commit, else a throw-away isolated copy.
 */
final class RepoSnapshot {
    private RepoSnapshot() {}

    static <T> T at(RunContext context, RunState state, String commit, Function<Path, T> reader) {
        boolean treeHoldsIt = !state.request().leaveWorkingTree() && commit.equals(context.tree().head());
        if (treeHoldsIt) {
            return reader.apply(context.tree().dir());
        }
        try (IsolatedCopy copy = IsolatedCopy.create(context.tree().repository(), commit, context.copiesDir(),
                state.runId() + "-snapshot")) {
            return reader.apply(copy.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a copy of " + commit, e);
        }
    }
}
