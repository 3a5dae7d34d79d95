package dev.orchestra.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failing tests fixed by the loop, shared by the command line's test and the Jenkins step's: a repository whose
 * one test fails once its workflow ({@value #WORKFLOW}) shouts the greeting, and the model answers that fix it
 * (the fix planner adds a code-writer step, the code writer lowers the greeting, the reporter gives its account).
 */
public final class FixLoopScenario {
    /** The workflow in the repository's {@code .orchestra/workflows/}. */
    public static final String WORKFLOW = "shout";
    /** The validation hook: writes surefire-style JUnit XML and exits 1 when the test fails. */
    public static final String TEST_COMMAND = "sh test.sh";
    /** The fix step's id once the engine has numbered it. */
    public static final String FIX_STEP = "fix1-lower";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FixLoopScenario() {}

    /** The repository's files, path to content; commit them all. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(".gitignore", "target/\n");
        files.put("greeting.txt", "hello world\n");
        files.put(".orchestra/workflows/" + WORKFLOW + ".yml", """
                name: shout
                steps:
                  - id: shout
                    agent: command
                    instructions: Shout the greeting.
                    with:
                      run: echo HELLO WORLD > greeting.txt
                """);
        files.put("test.sh", """
                mkdir -p target/surefire-reports
                if [ "$(cat greeting.txt)" = "hello world" ]; then
                  failed=0; result='<testcase classname="demo.GreetingTest" name="isLowerCase" time="0.01"/>'
                else
                  failed=1; result='<testcase classname="demo.GreetingTest" name="isLowerCase" time="0.01"><failure message="not lower case">shouted</failure></testcase>'
                fi
                echo "<testsuite name=\\"demo.GreetingTest\\" tests=\\"1\\">$result</testsuite>" > target/surefire-reports/TEST-demo.GreetingTest.xml
                exit $failed
                """);
        return files;
    }

    /** The model's answer to a request of the run, for {@link ScriptedModelServer#respondWith}. */
    public static ScriptedAnswer answer(RecordedRequest request) {
        String system = request.systemPrompt();
        if (system.contains("asked to fix")) {
            return ScriptedAnswer.text("{\"summary\": \"Lower the greeting again.\", \"steps\": [" + json(Map.of(
                    "id", "lower", "agent", "code-writer", "instructions", "Write the greeting in lower case.",
                    "files", List.of("greeting.txt"), "new_files", List.of(), "needs", List.of(),
                    "acceptance", "demo.GreetingTest passes.")) + "]}");
        }
        if (system.contains("code writer")) {
            return ScriptedAnswer.text(SearchReplaceBlocks.text("The test wants lower case.", "greeting.txt",
                    "HELLO WORLD", "hello world"));
        }
        if (system.contains("reporter")) {
            return ScriptedAnswer.text(json(Map.of("changes", "The greeting was shouted, then lowered again.",
                    "risks", List.of(), "files", List.of("greeting.txt"),
                    "tests", List.of("demo.GreetingTest#isLowerCase"))));
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
