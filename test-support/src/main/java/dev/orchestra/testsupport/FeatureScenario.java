package dev.orchestra.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feature task the model plans, shared by the command line's test and the Jenkins example's: a repository with a
 * ticket ({@value #TICKET}) and one test, and the model answers (the planner plans one code-writer step, the code writer
 * adds a line, the reporter gives its account). The test passes before and after the change.
 */
public final class FeatureScenario {
    /** The ticket, a file of the repository. */
    public static final String TICKET = "TICKET.md";
    /** The validation hook: writes surefire-style JUnit XML and exits 1 when the test fails. */
    public static final String TEST_COMMAND = "sh test.sh";
    /** The line the change adds to greeting.txt. */
    public static final String FAREWELL = "goodbye world";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FeatureScenario() {}

    /** The repository's files, path to content; commit them all. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(".gitignore", "target/\n");
        files.put("greeting.txt", "hello world\n");
        files.put(TICKET, "Add the line '" + FAREWELL + "' after the greeting in greeting.txt.\n");
        files.put("test.sh", """
                mkdir -p target/surefire-reports
                if grep -q 'hello world' greeting.txt; then
                  failed=0; result='<testcase classname="demo.GreetingTest" name="greets" time="0.01"/>'
                else
                  failed=1; result='<testcase classname="demo.GreetingTest" name="greets" time="0.01"><failure message="no greeting">none</failure></testcase>'
                fi
                echo "<testsuite name=\\"demo.GreetingTest\\" tests=\\"1\\">$result</testsuite>" > target/surefire-reports/TEST-demo.GreetingTest.xml
                exit $failed
                """);
        return files;
    }

    /** The model's answer to a request of the run, for {@link ScriptedModelServer#respondWith}. */
    public static ScriptedAnswer answer(RecordedRequest request) {
        String system = request.systemPrompt();
        if (system.contains("You are the planner of Orchestra, a system")) {
            return ScriptedAnswer.text("{\"summary\": \"Add the farewell.\", \"steps\": [" + json(Map.of(
                    "id", "farewell", "agent", "code-writer", "instructions", "Add the farewell line after the greeting.",
                    "files", List.of("greeting.txt"), "new_files", List.of(), "needs", List.of(),
                    "acceptance", "demo.GreetingTest passes.")) + "]}");
        }
        if (system.contains("code writer")) {
            return ScriptedAnswer.text(json(Map.of("edits", List.of(Map.of("path", "greeting.txt",
                    "search", "hello world", "replace", "hello world\n" + FAREWELL)), "rationale", "The ticket asks for it.")));
        }
        if (system.contains("reporter")) {
            return ScriptedAnswer.text(json(Map.of("changes", "Adds the farewell line after the greeting.",
                    "risks", List.of(), "files", List.of("greeting.txt"), "tests", List.of("demo.GreetingTest#greets"))));
        }
        return ScriptedAnswer.status(400);
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
