package dev.orchestra.jenkins.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plugin reads what the command line really prints: the golden files its tests write
 * ({@code cli/src/test/resources/contract/}), not JSON written by hand here.
 */
class CliContractTest {
    private static String golden(String name) throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("cli/src/test/resources/contract").resolve(name);
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
        }
        throw new IllegalStateException("the golden file " + name + " of the command line's tests is missing");
    }

    @Test
    void atThePatchGateTheStepReturnsTheGatesQuestionWhatToReviewAndTheMetrics() throws IOException {
        CliOutput out = CliOutput.parse(10, golden("run-result-at-patch-gate.json"), null);
        assertEquals("waiting_gate", out.status());
        assertEquals("patch", out.waitingFor());
        assertEquals("r1", out.runId());
        assertEquals(0, out.fixIterations());
        Map<String, Object> step = out.stepResult();
        assertEquals("Land these patches on orchestra/r1?", step.get("question"));
        assertTrue(((String) step.get("summary")).startsWith("greet (command): 1 files, +1 -0"), step.toString());
        assertTrue(((String) step.get("plan")).contains("```yaml"), step.toString());
        assertEquals("orchestra/r1", step.get("branch"));
        assertEquals(1, ((Map<?, ?>) ((Map<?, ?>) step.get("metrics")).get("testsBefore")).get("passed"));
        assertNull(step.get("bundlePath"));
    }

    @Test
    void atThePatchGateTheDriverApprovesOnlyThePatchGate() throws IOException {
        StepArguments args = new StepArguments().phase(Phase.IMPLEMENT).gate("patch").runId("r1").hasBody(true)
                .approvedBy("bob").check();
        PhaseDriver driver = new PhaseDriver(args, null, null, null);
        driver.first(true);
        NextMove move = driver.afterCli(CliOutput.parse(10, golden("run-result-at-patch-gate.json"), null));
        assertEquals(new NextMove.RunCli(new CliCommands(args).approve("bob", null)), move);
    }

    @Test
    void badInputIsOneLineTheStepFailsWith() throws IOException {
        CliOutput out = CliOutput.parse(2, golden("cli-error-bad-input.json"), null);
        assertTrue(out.hasJson());
        assertNull(out.status());
        assertEquals("no run 'nope' in <repo>/.orchestra/runs", out.why());
    }
}
