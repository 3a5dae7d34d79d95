package dev.orchestra.engine.workspace;

import java.io.IOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * The commits a step's copy made on top of its base, held in an {@link ObjectBatch} until the engine writes them with
 * the merge: each commit rewrites only the trees along the changed paths. Both kinds of copy commit through this.
 */
final class CopyHead {
    private final CommitView base;
    private final ObjectBatch made;
    private ObjectId head;
    private ObjectId headTree;

    CopyHead(Repository source, CommitView base) {
        this.base = base;
        this.made = new ObjectBatch(source);
        this.head = base.commit();
        this.headTree = base.tree();
    }

    CommitView base() {
        return base;
    }

    ObjectBatch objects() {
        return made;
    }

    ObjectId commit() {
        return head;
    }

    /** The head commit's files, read through the batch. */
    NavigableMap<String, TreeFiles.Entry> files(ObjectReader reader) throws IOException {
        return TreeFiles.of(reader, headTree);
    }

    /** Commits {@code edits} (path to new version, empty to delete) on the head; empty when the tree stays the same. */
    Optional<String> commit(ObjectReader reader, Map<String, Optional<TreeFiles.Entry>> edits, String message,
                            PersonIdent author) throws IOException {
        if (edits.isEmpty()) {
            return Optional.empty();
        }
        ObjectId tree = TreeEdits.apply(reader, made, headTree, edits);
        if (tree.equals(headTree)) {
            return Optional.empty();
        }
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentId(head);
        commit.setAuthor(author);
        commit.setCommitter(author);
        commit.setMessage(message);
        head = made.insert(commit);
        headTree = tree;
        return Optional.of(head.name());
    }

    ChangeStats stats() throws IOException {
        try (ObjectReader reader = made.newReader()) {
            return ChangeCounter.between(reader, made.repository().getConfig(), base.commit(), head);
        }
    }
}
