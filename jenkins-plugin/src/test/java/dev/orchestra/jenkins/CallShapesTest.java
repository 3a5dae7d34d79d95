package dev.orchestra.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every call of the Orchestra steps that users copy (Jenkinsfile.example, docs/jenkins.md) is valid in Pipeline. */
class CallShapesTest {
    @Test
    void everyCallInTheExampleIsValidAndEveryPhaseIsShown() {
        List<CallShapes.Call> calls = CallShapes.calls(ExampleJenkinsfile.text());
        assertEquals(List.of(), problems(calls));
        assertEquals(Set.of("orchestrate plan", "orchestrateWithTests implement", "orchestrate finalize",
                "orchestrateWithTests run"), calls.stream().map(c -> c.step() + " " + c.phase()).collect(Collectors.toSet()));
    }

    @Test
    void everyCallInTheJenkinsPageIsValid() {
        String page = ExampleJenkinsfile.read(ExampleJenkinsfile.projectFile("docs/jenkins.md"));
        List<CallShapes.Call> calls = new ArrayList<>();
        Matcher block = Pattern.compile("```groovy\n(.*?)```", Pattern.DOTALL).matcher(page);
        while (block.find()) {
            calls.addAll(CallShapes.calls(block.group(1)));
        }
        assertTrue(calls.size() >= 6, "the page shows the calls: " + calls);
        assertEquals(List.of(), problems(calls));
    }

    @Test
    void theCheckCatchesTheShapesPipelineRefuses() {
        List<CallShapes.Call> calls = CallShapes.calls("""
                def a = orchestrate phase: 'plan'
                orchestrate(phase: 'run') { sh 'make test' }
                orchestrateWithTests(phase: 'implement', plan: p.plan)
                orchestrateWithTests(phase: 'finalize') { sh 'make test' }
                """);
        assertEquals(List.of("line 2: orchestrate takes no body", "line 3: orchestrateWithTests takes a body on every call",
                "line 4: orchestrateWithTests serves phases implement and run, not finalize"), problems(calls));
    }

    private static List<String> problems(List<CallShapes.Call> calls) {
        List<String> problems = new ArrayList<>();
        for (CallShapes.Call call : calls) {
            String problem = CallShapes.problem(call);
            if (problem != null) {
                problems.add("line " + (call.line() + 1) + ": " + problem);
            }
        }
        return problems;
    }
}
