package dev.orchestra.engine.policy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A real repository with a base commit (a README, a Java class, a Jenkinsfile); patches are made in the working tree
 * and committed, or, for paths git itself refuses to write, crafted object by object as a hostile agent could.
 */
final class PolicyRepo implements AutoCloseable {
    final Path dir;
    final Git git;
    final Repository repo;
    final String base;

    private PolicyRepo(Path dir, Git git) throws Exception {
        this.dir = dir;
        this.git = git;
        this.repo = git.getRepository();
        write("README.md", "# Shop\n");
        write("src/main/java/shop/App.java", "class App {\n    String db = \"jdbc:h2:mem\";\n}\n");
        write("Jenkinsfile", "pipeline { agent any }\n");
        this.base = commit();
    }

    static PolicyRepo create(Path dir) throws Exception {
        return new PolicyRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    PolicyRepo write(String path, String content) throws Exception {
        return writeBytes(path, content.getBytes(StandardCharsets.UTF_8));
    }

    PolicyRepo writeBytes(String path, byte[] content) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.write(file, content);
        return this;
    }

    PolicyRepo symlink(String path, String target) throws Exception {
        Path link = dir.resolve(path);
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(target));
        return this;
    }

    PolicyRepo delete(String path) throws Exception {
        Files.delete(dir.resolve(path));
        return this;
    }

    /** Commits everything in the working tree, deletions included. */
    String commit() throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent agent = new PersonIdent("Agent", "agent@orchestra.dev");
        return git.commit().setMessage("step").setAuthor(agent).setCommitter(agent).setSign(false).call().name();
    }

    /** A commit on top of {@code base} holding its files plus {@code extra} (path to mode and content). */
    String commitCrafted(Map<String, Map.Entry<FileMode, String>> extra) throws Exception {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            Folder top = new Folder();
            baseEntries().forEach(top::put);
            for (var entry : extra.entrySet()) {
                FileMode mode = entry.getValue().getKey();
                String content = entry.getValue().getValue();
                ObjectId id = mode == FileMode.GITLINK ? ObjectId.fromString(content)
                        : inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
                top.put(entry.getKey(), Map.entry(mode, id));
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(top.write(inserter));
            commit.setParentId(repo.resolve(base));
            PersonIdent agent = new PersonIdent("Agent", "agent@orchestra.dev");
            commit.setAuthor(agent);
            commit.setCommitter(agent);
            commit.setMessage("crafted step");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id.name();
        }
    }

    private Map<String, Map.Entry<FileMode, ObjectId>> baseEntries() throws Exception {
        Map<String, Map.Entry<FileMode, ObjectId>> entries = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(repo.resolve(base)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                entries.put(tree.getPathString(), Map.entry(tree.getFileMode(0), tree.getObjectId(0)));
            }
        }
        return entries;
    }

    @Override
    public void close() {
        git.close();
    }

    /**
     * A tree being built: files, and sub-folders named with a trailing slash so they sort in git's order. A path
     * starting with a slash becomes one entry whose name holds the slashes, as a hostile tree would have it.
     */
    private static final class Folder {
        private final Map<String, Object> children = new TreeMap<>();

        void put(String path, Map.Entry<FileMode, ObjectId> file) {
            int slash = path.indexOf('/');
            if (slash <= 0) {
                children.put(path, file);
            } else {
                Folder sub = (Folder) children.computeIfAbsent(path.substring(0, slash) + "/", name -> new Folder());
                sub.put(path.substring(slash + 1), file);
            }
        }

        @SuppressWarnings("unchecked")
        ObjectId write(ObjectInserter inserter) throws Exception {
            TreeFormatter tree = new TreeFormatter();
            for (var child : children.entrySet()) {
                if (child.getValue() instanceof Folder folder) {
                    String name = child.getKey().substring(0, child.getKey().length() - 1);
                    tree.append(name, FileMode.TREE, folder.write(inserter));
                } else {
                    var file = (Map.Entry<FileMode, ObjectId>) child.getValue();
                    tree.append(child.getKey(), file.getKey(), file.getValue());
                }
            }
            return inserter.insert(tree);
        }
    }
}
