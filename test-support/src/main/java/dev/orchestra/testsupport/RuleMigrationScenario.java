package dev.orchestra.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JUnit 4 Maven project the {@code junit4-to-junit5} recipe leaves uncompilable: its test uses a custom JUnit 4
 * rule ({@value #RULE}, an {@code ExternalResource}), and the recipe drops JUnit 4 from the POM while the rule and its
 * {@code @Rule} field stay. With it, the model's answers that finish the migration: the fix planner gives one
 * code-writer step on the two files, the code writer turns the rule into a JUnit 5 extension registered with
 * {@code @RegisterExtension}, the reporter gives its account.
 */
public final class RuleMigrationScenario {
    /** The custom rule; the recipe leaves it as it is, and it no longer compiles. */
    public static final String RULE = "src/test/java/demo/ScratchFolder.java";
    /** The test that uses the rule with {@code @Rule}. */
    public static final String TEST = "src/test/java/demo/NotesTest.java";
    /** The line of {@link #RULE} that imports JUnit 4's {@code ExternalResource}. */
    public static final int RULE_IMPORT_LINE = 6;
    /** The fix step's id once the engine has numbered it. */
    public static final String FIX_STEP = "fix1-rule-to-extension";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RuleMigrationScenario() {}

    /** The project's files, path to content; commit them all. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(".gitignore", "target/\n");
        files.put("pom.xml", POM);
        files.put("src/main/java/demo/Notes.java", NOTES);
        files.put(RULE, RULE_SOURCE);
        files.put(TEST, TEST_SOURCE);
        return files;
    }

    /** The model's answer to a request of the run, for {@link ScriptedModelServer#respondWith}. */
    public static ScriptedAnswer answer(RecordedRequest request) {
        String system = request.systemPrompt();
        if (system.contains("asked to fix")) {
            return ScriptedAnswer.text("{\"summary\": \"Turn the JUnit 4 rule into a JUnit 5 extension.\", \"steps\": ["
                    + json(Map.of("id", "rule-to-extension", "agent", "code-writer",
                            "instructions", "Make ScratchFolder a JUnit 5 extension and register it in NotesTest.",
                            "files", List.of(RULE, TEST), "new_files", List.of(), "needs", List.of(),
                            "acceptance", "The tests compile and pass on JUnit 5.")) + "]}");
        }
        if (system.contains("code writer")) {
            return ScriptedAnswer.text(SearchReplaceBlocks.text(
                    "JUnit 5 has no rules: the rule becomes an extension with the same before and after.", EDITS));
        }
        if (system.contains("reporter")) {
            return ScriptedAnswer.text(json(Map.of("changes", "JUnit 4 tests migrated to JUnit 5; the custom rule is an extension.",
                    "risks", List.of(), "files", List.of(RULE, TEST), "tests", List.of("demo.NotesTest#startsEmpty"))));
        }
        return ScriptedAnswer.status(400);
    }

    private static final List<Map<String, String>> EDITS = List.of(
            edit(RULE, "import org.junit.rules.ExternalResource;", """
                    import org.junit.jupiter.api.extension.AfterEachCallback;
                    import org.junit.jupiter.api.extension.BeforeEachCallback;
                    import org.junit.jupiter.api.extension.ExtensionContext;"""),
            edit(RULE, "public class ScratchFolder extends ExternalResource {",
                    "public class ScratchFolder implements BeforeEachCallback, AfterEachCallback {"),
            edit(RULE, "    protected void before() throws IOException {",
                    "    public void beforeEach(ExtensionContext context) throws IOException {"),
            edit(RULE, "    protected void after() {", "    public void afterEach(ExtensionContext context) {"),
            edit(TEST, "import org.junit.Rule;\n", ""),
            edit(TEST, "import org.junit.jupiter.api.extension.ExtendWith;\n"
                    + "import org.junit.jupiter.migrationsupport.rules.ExternalResourceSupport;",
                    "import org.junit.jupiter.api.extension.RegisterExtension;"),
            edit(TEST, "@ExtendWith(ExternalResourceSupport.class)\n", ""),
            edit(TEST, "    @Rule\n", "    @RegisterExtension\n"));

    private static Map<String, String> edit(String path, String search, String replace) {
        return Map.of("path", path, "search", search, "replace", replace);
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
              <modelVersion>4.0.0</modelVersion>
              <groupId>demo</groupId>
              <artifactId>notes</artifactId>
              <version>1.0-SNAPSHOT</version>

              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>

              <dependencies>
                <dependency>
                  <groupId>junit</groupId>
                  <artifactId>junit</artifactId>
                  <version>4.13.2</version>
                  <scope>test</scope>
                </dependency>
              </dependencies>

              <build>
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-compiler-plugin</artifactId>
                    <version>3.13.0</version>
                  </plugin>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-surefire-plugin</artifactId>
                    <version>3.5.2</version>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    private static final String NOTES = """
            package demo;

            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            /** Keeps notes in a file, one a line. */
            public class Notes {
                private final Path file;

                public Notes(Path file) {
                    this.file = file;
                }

                public void add(String note) throws IOException {
                    Files.writeString(file, note + "\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }

                public long count() throws IOException {
                    return Files.exists(file) ? Files.readAllLines(file).size() : 0;
                }
            }
            """;

    private static final String RULE_SOURCE = """
            package demo;

            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import org.junit.rules.ExternalResource;

            /** A JUnit 4 rule: a fresh folder for each test. */
            public class ScratchFolder extends ExternalResource {
                private Path folder;

                @Override
                protected void before() throws IOException {
                    folder = Files.createTempDirectory("scratch");
                }

                @Override
                protected void after() {
                    folder.toFile().deleteOnExit();
                }

                public Path file(String name) {
                    return folder.resolve(name);
                }
            }
            """;

    private static final String TEST_SOURCE = """
            package demo;

            import static org.junit.Assert.assertEquals;

            import org.junit.Rule;
            import org.junit.Test;

            public class NotesTest {
                @Rule
                public ScratchFolder scratch = new ScratchFolder();

                @Test
                public void countsTheNotesAdded() throws Exception {
                    Notes notes = new Notes(scratch.file("notes.txt"));
                    notes.add("one");
                    notes.add("two");
                    assertEquals(2, notes.count());
                }

                @Test
                public void startsEmpty() throws Exception {
                    assertEquals(0, new Notes(scratch.file("notes.txt")).count());
                }
            }
            """;
}
