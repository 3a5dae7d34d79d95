package dev.orchestra.engine.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryMapTest {
    private static final String GREETER = """
            package demo;

            import java.util.List;

            /** Greets. */
            public class Greeter implements Comparable<Greeter> {
                public static final int LIMIT = 3;
                private final String name;

                public Greeter(String name) {
                    this.name = name;
                }

                public String greet(List<String> others, int times) throws java.io.IOException {
                    return "Hello " + name;
                }

                private void secret() {}

                public int compareTo(Greeter other) { return 0; }

                enum Mood { HAPPY, SAD }
            }
            """;

    @TempDir Path temp;
    private TestRepository repo;

    @BeforeEach
    void repository() throws Exception {
        repo = TestRepository.init(temp.resolve("repo"))
                .write("src/main/java/demo/Greeter.java", GREETER)
                .write("src/main/java/demo/Mood.java", "package demo;\npublic record Mood(String name, int level) {}\n")
                .write("src/main/java/app/Main.java", "package app;\nclass Main { demo.Greeter g; void run() {} }\n")
                .write("src/main/java/other/Util.java", "package other;\npublic class Util { public static int twice(int x) { return 2 * x; } }\n")
                .write("README.md", "# Demo\n")
                .commit()
                .write("target/Generated.java", "class Generated {}\n")
                .write("Untracked.java", "class Untracked {}\n");
    }

    @Test
    void listsTrackedFilesWithJavaSignaturesButNoBodies() {
        String map = new RepositoryMap().render(repo.dir(), List.of(), 10_000);
        assertThat(map).contains("README.md\n", "src/main/java/other/Util.java\n  package other\n"
                + "  public class Util\n    public static int twice(int x)\n");
        assertThat(map).contains("    public String greet(List<String> others, int times) throws java.io.IOException\n",
                "    public static final int LIMIT\n", "    public Greeter(String name)\n",
                "  public record Mood(String name, int level)\n", "    enum Mood\n      HAPPY, SAD\n");
        assertThat(map).doesNotContain("return", "Untracked", "Generated", "secret");
    }

    @Test
    void putsFocusFilesAndTheFilesThatUseThemFirstWithTheirPrivateMembers() {
        String map = new RepositoryMap().render(repo.dir(), List.of("src/main/java/demo/Greeter.java"), 10_000);
        assertThat(map).contains("src/main/java/demo/Greeter.java (focus)", "private void secret()");
        assertThat(map.indexOf("Greeter.java (focus)")).isLessThan(map.indexOf("app/Main.java"));
        assertThat(map.indexOf("demo/Mood.java")).isLessThan(map.indexOf("README.md"));
        assertThat(map.indexOf("app/Main.java")).isLessThan(map.indexOf("README.md"));
        assertThat(map.indexOf("README.md")).isLessThan(map.indexOf("other/Util.java"));
    }

    @Test
    void aFileIsRelatedByTheFocusTypeAsAWholeWordEvenInACommentNotAsPartOfALongerName() throws Exception {
        repo.write("src/main/java/other/Doc.java", "package other;\n/** Works with a Greeter. */\nclass Doc {}\n")
                .write("src/main/java/other/Factory.java", "package other;\nclass Factory { Object GreeterFactory; }\n")
                .commit();
        String map = new RepositoryMap().render(repo.dir(), List.of("src/main/java/demo/Greeter.java"), 10_000);
        assertThat(map.indexOf("other/Doc.java")).isLessThan(map.indexOf("README.md"));
        assertThat(map.indexOf("other/Factory.java")).isGreaterThan(map.indexOf("README.md"));
    }

    @Test
    void dropsSignaturesOfUnrelatedFilesBeforeAnyPathToFitTheBudget() {
        List<String> focus = List.of("src/main/java/demo/Greeter.java");
        int full = TokenEstimate.of(new RepositoryMap().render(repo.dir(), focus, 10_000));
        String map = new RepositoryMap().render(repo.dir(), focus, full - 5);
        assertThat(TokenEstimate.of(map)).isLessThanOrEqualTo(full - 5);
        assertThat(map).contains("src/main/java/other/Util.java\n").doesNotContain("twice");
        assertThat(map).contains("public String greet(").doesNotContain("left out");
    }

    @Test
    void saysHowManyFilesWereLeftOutWhenEvenPathsDoNotFit() {
        String map = new RepositoryMap().render(repo.dir(), List.of("src/main/java/demo/Greeter.java"), 40);
        assertThat(TokenEstimate.of(map)).isLessThanOrEqualTo(40);
        assertThat(map).containsPattern("… [1-5] more files? left out to fit the budget\\.");
        assertThat(map).isEqualTo(new RepositoryMap().render(repo.dir(), List.of("src/main/java/demo/Greeter.java"), 40));
    }

    @Test
    void walksTheFolderWhenItIsNotAGitRepositorySkippingBuildOutput() throws Exception {
        TestRepository plain = TestRepository.plain(temp.resolve("plain")).write("src/A.java", "class A { int a; }\n")
                .write("target/B.java", "class B {}\n").write("node_modules/x/index.js", "x\n").write(".orchestra/runs/r/s.json", "{}\n");
        String map = new RepositoryMap().render(plain.dir(), List.of(), 1_000);
        assertThat(map).contains("src/A.java\n  class A\n    int a\n").doesNotContain("B.java", "index.js", "s.json");
    }
}
