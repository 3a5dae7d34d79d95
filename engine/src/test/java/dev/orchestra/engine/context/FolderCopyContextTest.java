package dev.orchestra.engine.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.workspace.FolderCopy;
import dev.orchestra.engine.workspace.IsolatedCopy;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model agent's folder copy holds only its files; the rest of its context comes from the commit.
 * The prompt must be exactly what a full checkout of the same commit gives, at every budget.
 */
class FolderCopyContextTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(ints = {40, 120, 300, 2_000, 20_000})
    void aFolderCopyGivesTheSameContextAsAFullCopy(int budget) throws Exception {
        TestRepository repo = TestRepository.init(temp.resolve("repo"))
                .write("AGENTS.md", "Use tabs.\n")
                .write("src/main/java/demo/AGENTS.md", "Keep demo small.\n")
                .write("src/main/java/demo/Greeter.java", "package demo;\npublic class Greeter { public String greet() { return \"hi\"; } }\n")
                .write("src/main/java/demo/Mood.java", "package demo;\npublic record Mood(String name) {}\n")
                .write("src/main/java/app/Main.java", "package app;\nclass Main { demo.Greeter g; void run() {} }\n")
                .write("src/main/java/other/Util.java", "package other;\npublic class Util { static int twice(int x) { return 2 * x; } }\n")
                .write("README.md", "# Demo\n");
        for (int i = 0; i < 30; i++) {
            repo.write("src/main/java/more/M" + i + ".java", "package more;\npublic class M" + i + " { void m" + i + "() {} }\n");
        }
        repo.commit();
        List<String> focus = List.of("src/main/java/demo/Greeter.java", "src/main/java/demo/Farewell.java");
        try (Git git = Git.open(repo.dir().toFile());
                IsolatedCopy full = IsolatedCopy.create(git.getRepository(), "main", temp.resolve("copies"), "full");
                FolderCopy folder = FolderCopy.create(git.getRepository(), "main", temp.resolve("copies"), "folder",
                        List.of("AGENTS.md", "src/main/java/demo/AGENTS.md", "src/main/java/demo/Greeter.java",
                                "src/main/java/demo/Farewell.java"))) {
            String expected = AgentContext.build(full.dir(), focus, "Greets.", budget).render();
            String actual = AgentContext.build(folder.dir(), folder.view().orElseThrow(), focus, "Greets.", budget).render();

            assertThat(actual).isEqualTo(expected).contains("Keep demo small.", "Greeter.java (focus)");
            if (budget >= 2_000) {
                assertThat(actual).contains("src/main/java/app/Main.java\n  package app\n", "public class M29");
            }
        }
    }

    @Test
    void aMapOverBudgetEvenAsBarePathsShowsNoSignatures() throws Exception {
        TestRepository repo = TestRepository.init(temp.resolve("repo"));
        for (int i = 0; i < 40; i++) {
            repo.write("src/p/C" + i + ".java", "package p;\npublic class C" + i + " { public void work" + i + "() {} }\n");
        }
        repo.commit();

        String map = new RepositoryMap().render(repo.dir(), List.of("src/p/C1.java"), 100);

        assertThat(map).contains("src/p/C1.java (focus)", "more files left out").doesNotContain("public", "work");
        assertThat(TokenEstimate.of(map)).isLessThanOrEqualTo(100);
    }
}
