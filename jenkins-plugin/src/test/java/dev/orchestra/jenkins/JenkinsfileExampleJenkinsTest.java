package dev.orchestra.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import dev.orchestra.testsupport.FeatureScenario;
import dev.orchestra.testsupport.ScriptedModelServer;
import hudson.model.Computer;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.StringParameterDefinition;
import hudson.util.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Jenkinsfile.example as it is, in a real Jenkins (run with ./mvnw -Pjenkins): its feature flow with the three gates
 * outside node blocks, its nightly batch, the flow across a controller restart, and across a lost agent. Only the
 * example's lines marked {@code // project:} are replaced: the agents' label, the checkout, the tests.
 */
class JenkinsfileExampleJenkinsTest {
    private static final String KEY = "fake-key-for-tests-not-a-real-key";

    @RegisterExtension
    private static final JenkinsSessionExtension SESSIONS = new JenkinsSessionExtension();

    @TempDir
    static Path origin;

    @TempDir
    static Path shared;

    private static ScriptedModelServer model;

    @BeforeAll
    static void repositoryAndModel() throws Exception {
        for (Map.Entry<String, String> file : FeatureScenario.files().entrySet()) {
            Path path = origin.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        Files.createDirectories(origin.resolve(".orchestra/workflows"));
        Files.writeString(origin.resolve(".orchestra/workflows/junit4-to-junit5.yml"), """
                name: junit4-to-junit5
                steps:
                  - id: migrate
                    agent: command
                    instructions: Stand-in for the recipe in this test.
                    with:
                      run: "echo migrated > MIGRATED.txt"
                """);
        git("git init -q -b main . && git config user.email ci@example.invalid && git config user.name CI"
                + " && git add -A && git commit -qm initial");
        model = ScriptedModelServer.start().respondWith(FeatureScenario::answer);
    }

    @AfterAll
    static void stopModel() {
        model.close();
    }

    private static void git(String script) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("sh", "-c", script).directory(origin.toFile()).inheritIO().start();
        assertEquals(0, git.waitFor(), script);
    }

    /** The example with this test's agents, checkout and tests; {@code tests} replaces the body of runTests(). */
    private static String example(String label, String tests, String entry) {
        Map<String, String> project = new LinkedHashMap<>();
        project.put("String agentLabel()", "String agentLabel() { '" + label + "' }");
        project.put("void checkoutSource()", "void checkoutSource() { sh '''[ -d .git ] || git clone -q " + origin
                + " . ; git fetch -q origin && git checkout -q -f --detach origin/main''' }");
        project.put("void runTests()", "void runTests() { sh '''" + tests + "''' }");
        project.put("List<String> nightlyRepositories()", "List<String> nightlyRepositories() { ['alpha', 'beta'] }");
        project.put("void checkoutRepository(String name)", "void checkoutRepository(String name) { sh '''rm -rf ./* ./.[!.]* ;"
                + " git clone -q " + origin + " .''' }");
        return ExampleJenkinsfile.script(project, entry);
    }

    private static void configureModel(JenkinsRule r) throws IOException {
        CredentialsProvider.lookupStores(Jenkins.get()).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "model-key", "", Secret.fromString(KEY)));
        OrchestraConfiguration config = OrchestraConfiguration.get();
        config.setModel("openai:gpt-4o-mini");
        config.setBaseUrl(model.baseUrl() + "/v1");
        config.setCredentialsId("model-key");
        config.setPrices("gpt-4o-mini: {input: 0.15, output: 0.6}");
    }

    private static WorkflowJob job(JenkinsRule r, String script) throws IOException {
        WorkflowJob job = r.createProject(WorkflowJob.class, "feature");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** Waits for the gate's input, checks that no executor is held while it waits, and approves it as {@code user}. */
    private static void approve(JenkinsRule r, WorkflowRun b, String message, String id, Map<String, Object> answer)
            throws Exception {
        r.waitForMessage(message, b);
        for (Computer computer : r.jenkins.getComputers()) {
            assertEquals(0, computer.countBusy(), "an executor of " + computer.getName() + " is held at " + id);
        }
        b.getAction(InputAction.class).getExecution(id).proceed(answer);
    }

    /** Approves the plan gate with the plan as proposed (the text parameter's default), as alice. */
    private static void approvePlan(JenkinsRule r, WorkflowRun b) throws Exception {
        r.waitForMessage("Approve the plan?", b);
        InputStepExecution plan = b.getAction(InputAction.class).getExecution("OrchestraPlan");
        String proposed = ((StringParameterDefinition) plan.getInput().getParameters().get(0)).getDefaultValue();
        assertTrue(proposed.contains("farewell"), proposed);
        approve(r, b, "Approve the plan?", "OrchestraPlan", Map.of("plan", proposed, "approver", "alice"));
    }

    private static void approveAllGates(JenkinsRule r, WorkflowRun b) throws Exception {
        approvePlan(r, b);
        approve(r, b, "Land these patches", "OrchestraPatch0", Map.of("approver", "bob"));
        approve(r, b, "Open the pull request?", "OrchestraPullRequest", Map.of("approver", "carol"));
    }

    private static void assertFinished(JenkinsRule r, WorkflowRun b) throws Exception {
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        String bundle = "orchestra/jenkins-feature-1/bundle/";
        List<String> artifacts = b.getArtifacts().stream().map(a -> a.relativePath).toList();
        assertTrue(artifacts.contains(bundle + "bundle.json"), artifacts.toString());
        r.assertLogContains("Bundle archived under orchestra/jenkins-feature-1/bundle/", b);
        assertTrue(artifacts.stream().anyMatch(a -> a.startsWith(bundle + "patches/")), artifacts.toString());
        String decisions;
        try (InputStream in = b.getArtifactManager().root().child(bundle + "bundle.json").open()) {
            decisions = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(decisions.contains("alice") && decisions.contains("bob") && decisions.contains("carol"),
                "each gate's approver, from the input step's submitterParameter: " + decisions);
    }

    @Test
    void theFeatureFlowWaitsAtEachGateWithNoExecutorAndCarriesTheRunBetweenAgents() throws Throwable {
        SESSIONS.then(r -> {
            configureModel(r);
            r.createOnlineSlave(Label.get("orchestra"));
            r.createOnlineSlave(Label.get("orchestra"));
            WorkflowJob job = job(r, example("orchestra", FeatureScenario.TEST_COMMAND, ExampleJenkinsfile.ENTRY));
            WorkflowRun b = job.scheduleBuild2(0).waitForStart();
            approveAllGates(r, b);
            assertFinished(r, b);
            r.assertLogContains("Stashed 1 file(s)", b);
            r.assertLogContains("orchestra import", b);
            r.assertLogNotContains(KEY, b);
        });
    }

    @Test
    void theNightlyBatchRunsEachRepositoryOnItsOwnAgent() throws Throwable {
        SESSIONS.then(r -> {
            r.createOnlineSlave(Label.get("orchestra"));
            r.createOnlineSlave(Label.get("orchestra"));
            WorkflowJob job = job(r, example("orchestra", FeatureScenario.TEST_COMMAND, "nightlyMigration()"));
            WorkflowRun b = r.buildAndAssertSuccess(job);
            r.assertLogContains("alpha: done: tests 1 -> 1 passed", b);
            r.assertLogContains("beta: done: tests 1 -> 1 passed", b);
        });
    }

    @Test
    void theFlowGoesOnAfterAControllerRestartWhileAGateWaits() throws Throwable {
        SESSIONS.then(r -> {
            configureModel(r);
            WorkflowJob job = job(r, example("built-in", FeatureScenario.TEST_COMMAND, ExampleJenkinsfile.ENTRY));
            WorkflowRun b = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage("Approve the plan?", b);
        });
        SESSIONS.then(r -> {
            WorkflowRun b = r.jenkins.getItemByFullName("feature", WorkflowJob.class).getBuildByNumber(1);
            approveAllGates(r, b);
            assertFinished(r, b);
        });
    }

    @Test
    void aLostAgentIsReplacedAndTheRunGoesOnFromItsState() throws Throwable {
        SESSIONS.then(r -> {
            configureModel(r);
            r.createOnlineSlave(Label.get("orchestra"));
            r.createOnlineSlave(Label.get("orchestra"));
            Path once = shared.resolve("lost-once");
            String tests = "if [ ! -f " + once + " ]; then touch " + once + "; echo WAITING-FOR-LOSS; sleep 300; fi; "
                    + FeatureScenario.TEST_COMMAND;
            WorkflowJob job = job(r, example("orchestra", tests, ExampleJenkinsfile.ENTRY));
            WorkflowRun b = job.scheduleBuild2(0).waitForStart();
            approvePlan(r, b);
            r.waitForMessage("WAITING-FOR-LOSS", b);
            Node busy = null;
            for (Computer computer : r.jenkins.getComputers()) {
                if (computer.countBusy() > 0 && computer.getNode() != r.jenkins) {
                    busy = computer.getNode();
                }
            }
            r.jenkins.removeNode(busy);
            r.waitForMessage("Retrying", b);
            approve(r, b, "Land these patches", "OrchestraPatch0", Map.of("approver", "bob"));
            approve(r, b, "Open the pull request?", "OrchestraPullRequest", Map.of("approver", "carol"));
            assertFinished(r, b);
            r.assertLogNotContains("orchestrate: the tests failed", b);
        });
    }
}
