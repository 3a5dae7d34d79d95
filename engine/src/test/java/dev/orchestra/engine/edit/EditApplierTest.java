package dev.orchestra.engine.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditApplierTest {
    private static final String GREETER = """
            package demo;

            public class Greeter {
                private final String name;

                public String greet() {
                    if (name == null) {
                        return "Hello, stranger";
                    }
                    return "Hello, " + name;
                }
            }
            """;

    @TempDir Path repo;
    private final EditApplier applier = new EditApplier();

    @Test
    void replacesAnExactMatch() throws IOException {
        write("src/Greeter.java", GREETER);
        EditOutcome outcome = apply(new Edit("src/Greeter.java",
                "        return \"Hello, \" + name;\n", "        return \"Hi, \" + name;\n"));
        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.changedFiles()).containsExactly("src/Greeter.java");
        assertThat(read("src/Greeter.java")).isEqualTo(GREETER.replace("\"Hello, \" +", "\"Hi, \" +"));
    }

    @Test
    void replacesAPartOfOneLine() throws IOException {
        write("src/Greeter.java", GREETER);
        assertThat(apply(new Edit("src/Greeter.java", "\"Hello, stranger\"", "\"Hello, you\"")).applied()).isTrue();
        assertThat(read("src/Greeter.java")).contains("        return \"Hello, you\";\n");
    }

    @Test
    void matchesDespiteOtherIndentationAndReindentsTheReplacement() throws IOException {
        write("src/Greeter.java", GREETER);
        EditOutcome outcome = apply(new Edit("src/Greeter.java", """
                if (name == null) {
                  return "Hello, stranger";
                }
                """, """
                if (name == null || name.isBlank()) {
                  log("no name");
                  return "Hello, stranger";
                }
                """));
        assertThat(outcome.applied()).isTrue();
        assertThat(read("src/Greeter.java")).contains("""
                        if (name == null || name.isBlank()) {
                            log("no name");
                            return "Hello, stranger";
                        }
                """);
    }

    @Test
    void matchesDespiteTrailingWhitespaceTabsAndBlankLinesAtTheEnds() throws IOException {
        write("src/Greeter.java", GREETER);
        EditOutcome outcome = apply(new Edit("src/Greeter.java",
                "\n\tpublic String greet() {   \n\t\tif (name == null) {\n\n",
                "\n\tpublic String greet() {\n\t\tname = name.trim();\n\t\tif (name == null) {\n\n"));
        assertThat(outcome.failures()).isEmpty();
        assertThat(read("src/Greeter.java")).contains("""
                    public String greet() {
                        name = name.trim();
                        if (name == null) {
                """);
    }

    @Test
    void matchesSmartQuotesAndDashesAndWritesPlainOnes() throws IOException {
        write("src/Greeter.java", GREETER.replace("stranger", "stranger - welcome"));
        EditOutcome outcome = apply(new Edit("src/Greeter.java",
                "return \u201CHello, stranger \u2013 welcome\u201D;\u200B",
                "return \u201CHello, guest\u201D;"));
        assertThat(outcome.failures()).isEmpty();
        assertThat(read("src/Greeter.java")).contains("            return \"Hello, guest\";\n");
    }

    @Test
    void refusesAnEditWhoseSearchTextMatchesTwoPlaces() throws IOException {
        write("src/Twice.java", "class Twice {\n    int a;\n    void f() {}\n    int a;\n}\n");
        EditOutcome outcome = apply(new Edit("src/Twice.java", "    int a;\n", "    long a;\n"));
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.failures().get(0).reason()).isEqualTo("search text matches 2 places (lines 2, 4)");
        assertThat(read("src/Twice.java")).contains("    int a;\n    void f() {}\n    int a;");
    }

    @Test
    void refusesASearchTextThatMatchesTwoPlacesOnlyAfterNormalisation() throws IOException {
        write("src/Twice.java", "class Twice {\n    int a;\n    void f() {\n\t\tint a;\n    }\n}\n");
        EditOutcome outcome = apply(new Edit("src/Twice.java", "  int a;", "  long a;"));
        assertThat(outcome.failures()).extracting(EditFailure::reason)
                .containsExactly("search text matches 2 places (lines 2, 4)");
    }

    @Test
    void doesNotMatchInsideALongerWord() throws IOException {
        write("src/Max.java", "class Max {\n    int max = 1;\n}\n");
        EditOutcome outcome = apply(new Edit("src/Max.java", "x = 1;", "x = 2;"));
        assertThat(outcome.failures()).extracting(EditFailure::reason).containsExactly("search text not found");
        assertThat(read("src/Max.java")).contains("int max = 1;");
    }

    @Test
    void reportsTheClosestLinesWhenTheSearchTextIsNotFound() throws IOException {
        write("src/Greeter.java", GREETER);
        EditOutcome outcome = apply(new Edit("src/Greeter.java",
                "if (name != null) {\n    return \"Hello, strangers\";", "x"));
        EditFailure failure = outcome.failures().get(0);
        assertThat(failure.reason()).isEqualTo("search text not found");
        assertThat(failure.closestLines()).isEqualTo(
                "7|         if (name == null) {\n8|             return \"Hello, stranger\";");
    }

    @Test
    void leavesTheFirstFileUnchangedWhenTheSecondEditFails() throws IOException {
        write("src/Greeter.java", GREETER);
        write("src/Other.java", "class Other {}\n");
        EditOutcome outcome = apply(
                new Edit("src/Greeter.java", "Hello, stranger", "Hi"),
                new Edit("src/Other.java", "class Missing {}", "class Found {}"));
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.changedFiles()).isEmpty();
        assertThat(outcome.failures()).extracting(EditFailure::index).containsExactly(1);
        assertThat(read("src/Greeter.java")).isEqualTo(GREETER);
    }

    @Test
    void putsBackWrittenFilesWhenAWriteFails() throws IOException {
        write("src/Greeter.java", GREETER);
        write("notes.txt", "a file, not a folder\n");
        EditOutcome outcome = apply(
                new Edit("src/Greeter.java", "Hello, stranger", "Hi"),
                new Edit("src/New.java", "", "class New {}\n"),
                new Edit("notes.txt/inside.txt", "", "cannot be written\n"));
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.failures().get(0).reason()).startsWith("could not write the files");
        assertThat(read("src/Greeter.java")).isEqualTo(GREETER);
        assertThat(repo.resolve("src/New.java")).doesNotExist();
    }

    @Test
    void keepsCrlfLineEndingsAndAMissingFinalNewline() throws IOException {
        write("win.txt", "first\r\nsecond\r\nthird");
        assertThat(apply(new Edit("win.txt", "second\nthird\n", "2nd\n3rd\n")).applied()).isTrue();
        assertThat(read("win.txt")).isEqualTo("first\r\n2nd\r\n3rd");
    }

    @Test
    void createsANewFileWithItsFoldersAndAppliesLaterEditsToIt() throws IOException {
        EditOutcome outcome = apply(
                new Edit("src/main/java/demo/New.java", "", "package demo;\n\nclass New {\n}"),
                new Edit("src/main/java/demo/New.java", "class New {\n}", "class New {\n    int x;\n}"));
        assertThat(outcome.changedFiles()).containsExactly("src/main/java/demo/New.java");
        assertThat(read("src/main/java/demo/New.java")).isEqualTo("package demo;\n\nclass New {\n    int x;\n}\n");
    }

    @Test
    void appliesSeveralEditsToOneFileInOrder() throws IOException {
        write("a.txt", "one\ntwo\nthree\n");
        assertThat(apply(new Edit("a.txt", "two", "2"), new Edit("a.txt", "2\nthree", "2\n3")).applied()).isTrue();
        assertThat(read("a.txt")).isEqualTo("one\n2\n3\n");
    }

    @Test
    void deletesWholeLinesWhenTheReplacementIsEmpty() throws IOException {
        write("a.txt", "one\n    two\nthree\n");
        assertThat(apply(new Edit("a.txt", "two\n", "")).applied()).isTrue();
        assertThat(read("a.txt")).isEqualTo("one\nthree\n");
    }

    @Test
    void replacesTheContextLineARepliedEditLeftOutOfItsSearchTextInsteadOfDoublingIt() throws IOException {
        write("src/Greeter.java", GREETER);
        EditOutcome outcome = apply(new Edit("src/Greeter.java",
                "            return \"Hello, stranger\";\n        }\n",
                "        if (name == null) {\n            return \"Hello, nobody\";\n        }\n"));
        assertThat(outcome.applied()).isTrue();
        assertThat(read("src/Greeter.java")).isEqualTo(GREETER.replace("stranger", "nobody"));
    }

    @Test
    void writesNewLinesWithTabsInATabIndentedFile() throws IOException {
        write("Tabs.java", "class Tabs {\n\tvoid run() {\n\t\tstart();\n\t}\n}\n");
        EditOutcome outcome = apply(new Edit("Tabs.java", "    void run() {\n        start();\n",
                "    void run() {\n        if (ready) {\n            start();\n        }\n"));
        assertThat(outcome.failures()).isEmpty();
        assertThat(read("Tabs.java")).isEqualTo(
                "class Tabs {\n\tvoid run() {\n\t\tif (ready) {\n\t\t\tstart();\n\t\t}\n\t}\n}\n");
    }

    @Test
    void doesNotDoubleAClosingBraceTheSearchTextLeftOut() throws IOException {
        write("Loop.java", "class Loop {\n    int f() {\n        for (;;) {\n            x();\n        }\n        return 1;\n    }\n}\n");
        EditOutcome outcome = apply(new Edit("Loop.java", "        }\n        return 1;\n",
                "            x();\n        }\n        return 2;\n"));
        assertThat(outcome.failures()).isEmpty();
        assertThat(read("Loop.java")).contains("        for (;;) {\n            x();\n        }\n        return 2;\n");
    }

    @Test
    void writesPlainSpacesWhereTheAgentSentNonBreakingOnes() throws IOException {
        write("Sum.java", "class Sum {\n    int a = 1;\n}\n");
        EditOutcome outcome = apply(new Edit("Sum.java", "int\u00A0a = 1;\u200B", "int\u00A0a = 2;\u200B"));
        assertThat(outcome.failures()).isEmpty();
        assertThat(read("Sum.java")).isEqualTo("class Sum {\n    int a = 2;\n}\n");
    }

    @Test
    void refusesCreatingAnExistingFileAndEditingAMissingOne() throws IOException {
        write("a.txt", "a\n");
        EditOutcome outcome = apply(new Edit("a.txt", "", "b\n"), new Edit("missing.txt", "a", "b"));
        assertThat(outcome.failures()).extracting(EditFailure::reason)
                .containsExactly("file already exists; to change it, give a search text", "file does not exist");
        assertThat(read("a.txt")).isEqualTo("a\n");
    }

    @Test
    void refusesPathsOutsideTheRepositoryOrInsideGit() {
        EditOutcome outcome = apply(new Edit("/etc/passwd", "", "x"), new Edit("src/../../x.txt", "", "x"),
                new Edit(".git/config", "", "x"), new Edit("sub/.git/hooks/pre-commit", "", "x"));
        assertThat(outcome.failures()).extracting(EditFailure::reason).allSatisfy(reason ->
                assertThat(reason).containsAnyOf("absolute", "'..'", ".git/"));
        assertThat(outcome.failures()).hasSize(4);
        assertThat(repo.getParent().resolve("x.txt")).doesNotExist();
    }

    /** A file indented with two-space steps, as in the run the issue reports. */
    private static final String CALCULATOR = """
            public class Calculator {
              public int add(int a, int b) {
                return a + b;
              }

              public int divide(int a, int b) {
                return a / b;
              }
            }
            """;

    @Test
    void anAnswerIndentedTooDeepWithoutItsFirstLineChangesNoUntouchedLine() throws IOException {
        write("Calculator.java", CALCULATOR);
        EditOutcome outcome = apply(new Edit("Calculator.java", """
                      return a + b;
                    }
                """, """
                    public int add(int a, int b) {
                      return a + b;
                    }

                    public int power(int base, int exponent) {
                      return (int) Math.pow(base, exponent);
                    }
                """));
        assertThat(outcome.failures()).isEmpty();
        assertThat(read("Calculator.java")).isEqualTo(CALCULATOR.replace("""
                    return a + b;
                  }
                """, """
                    return a + b;
                  }

                  public int power(int base, int exponent) {
                    return (int) Math.pow(base, exponent);
                  }
                """));
    }

    @Test
    void anAnswerIndentedTooDeepWithoutItsLastLineChangesNoUntouchedLine() throws IOException {
        write("Calculator.java", CALCULATOR);
        EditOutcome outcome = apply(new Edit("Calculator.java", """
                    public int divide(int a, int b) {
                      return a / b;
                """, """
                    public int divide(int a, int b) {
                      if (b == 0) {
                        throw new ArithmeticException("divide by zero");
                      }
                      return a / b;
                    }
                """));
        assertThat(outcome.failures()).isEmpty();
        assertThat(read("Calculator.java")).isEqualTo(CALCULATOR.replace("""
                    return a / b;
                """, """
                    if (b == 0) {
                      throw new ArithmeticException("divide by zero");
                    }
                    return a / b;
                """));
    }

    @Test
    void refusesAnIndentationDriftThatIsNotAWholeNumberOfTheFilesIndentSteps() throws IOException {
        write("src/Greeter.java", GREETER);
        EditOutcome outcome = apply(new Edit("src/Greeter.java", """
                  if (name == null) {
                      return "Hello, stranger";
                  }
                """, """
                  if (name == null) {
                      log("no name");
                      return "Hello, stranger";
                  }
                """));
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.failures().get(0).reason()).startsWith("search text is indented differently from the file");
        assertThat(outcome.failures().get(0).closestLines()).startsWith("7|         if (name == null) {");
        assertThat(read("src/Greeter.java")).isEqualTo(GREETER);
    }

    @Test
    void refusesASearchTextWhoseNestingDoesNotMatchTheFiles() throws IOException {
        write("src/Greeter.java", GREETER);
        EditOutcome outcome = apply(new Edit("src/Greeter.java", """
                if (name == null) {
                    return "Hello, stranger";
                  }
                """, """
                if (name == null) {
                    log("no name");
                    return "Hello, stranger";
                  }
                """));
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.failures().get(0).reason()).startsWith("search text is indented differently from the file");
        assertThat(read("src/Greeter.java")).isEqualTo(GREETER);
    }

    @Test
    void refusesAnExactMatchWhenTheReplacementRepeatsTheLineAboveAnotherPlace() throws IOException {
        String report = """
                class Report {
                    List<String> find(String prefix) {
                        for (String item : items) {
                            if (item.startsWith(prefix)) {
                                result.add(item);
                            }
                        }
                        return result;
                    }
                }
                """;
        write("Report.java", report);
        EditOutcome outcome = apply(new Edit("Report.java", "    }\n}\n",
                "        result.add(item);\n        log(item);\n    }\n}\n"));
        assertThat(outcome.failures()).extracting(EditFailure::reason)
                .containsExactly("search text matches 2 places (lines 6, 9)");
        assertThat(read("Report.java")).isEqualTo(report);
    }

    @Test
    void refusesTheSameEditTwiceInOneAnswer() throws IOException {
        write("src/Greeter.java", GREETER);
        Edit insert = new Edit("src/Greeter.java", "        return \"Hello, \" + name;\n",
                "        log(name);\n        return \"Hello, \" + name;\n");
        EditOutcome outcome = apply(insert, insert);
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.failures()).extracting(EditFailure::reason).containsExactly("the same edit as edit 1");
        assertThat(read("src/Greeter.java")).isEqualTo(GREETER);
    }

    @Test
    void keepsAMissingFinalNewlineWhenTheEditEndsAtTheLastLine() throws IOException {
        write("Calculator.java", CALCULATOR.strip());
        EditOutcome outcome = apply(new Edit("Calculator.java", "    return a / b;\n  }\n}\n",
                "    return a / b;\n  }\n\n  public int zero() {\n    return 0;\n  }\n}\n"));
        assertThat(outcome.failures()).isEmpty();
        assertThat(read("Calculator.java")).endsWith("  public int zero() {\n    return 0;\n  }\n}");
    }

    private EditOutcome apply(Edit... edits) {
        return applier.apply(repo, List.of(edits));
    }

    private void write(String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private String read(String path) throws IOException {
        return Files.readString(repo.resolve(path), StandardCharsets.UTF_8);
    }
}
