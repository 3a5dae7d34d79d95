package dev.orchestra.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import dev.orchestra.jenkins.report.RunSummary;
import dev.orchestra.testsupport.FixLoopScenario;
import dev.orchestra.testsupport.ScriptedModelServer;
import hudson.FilePath;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The steps in a real Jenkins (run with ./mvnw -Pjenkins): the three gates, a rejection, failing tests fixed by the
 * loop, the key, the configuration (its form and JCasC), an agent, the body rules, an interrupted body.
 */
@WithJenkins
class OrchestrateStepJenkinsTest {
    private static final String KEY = "fake-key-for-tests-not-a-real-key";
    /** A repository with one commit and a workflow whose single step needs no model. */
    private static final String REPO = """
            sh '''
              git init -q -b main . && git config user.email ci@example.invalid && git config user.name CI
              mkdir -p .orchestra/workflows
              printf 'name: touch\\nsteps:\\n  - id: touch\\n    agent: command\\n    with:\\n      run: "echo done > DONE.txt"\\n' > .orchestra/workflows/touch.yml
              echo hello > README.md && git add -A && git commit -qm initial
            '''
            """;

    private WorkflowJob job(JenkinsRule r, String body) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("node {\n" + REPO + body + "\n}", true));
        return job;
    }

    @Test
    void threeGatesApprovedProgrammaticallyArchiveTheBundle(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, """
                def run = orchestrate phase: 'plan', workflow: 'touch'
                def plan = input id: 'Plan', message: 'Approve the plan?', parameters: [text(name: 'plan', defaultValue: run.plan)]
                def r = orchestrateWithTests(phase: 'implement', plan: plan) { sh 'true' }
                echo "waits at ${r.waitingFor}: ${r.summary}"
                input id: 'Patch', message: 'Land the patches?'
                r = orchestrateWithTests(phase: 'implement', gate: 'patch') { sh 'true' }
                echo "waits at ${r.waitingFor}, landed: ${readFile('DONE.txt').trim()}"
                input id: 'Pr', message: 'Open the pull request?'
                def fin = orchestrate phase: 'finalize'
                echo "final status ${fin.status}"
                """);
        WorkflowRun b = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Approve the plan?", b);
        String plan = r.jenkins.getWorkspaceFor(job).child(".orchestra/runs/jenkins-p-1/plan.md").readToString();
        b.getAction(InputAction.class).getExecution("Plan").proceed(Map.of("plan", plan.replace("echo done", "echo edited")));
        r.waitForMessage("Land the patches?", b);
        r.assertLogContains("waits at patch: touch (command): 1 files, +1 -0", b);
        assertFalse(r.jenkins.getWorkspaceFor(job).child("DONE.txt").exists(), "nothing lands before the patch gate");
        b.getAction(InputAction.class).getExecution("Patch").proceed(null);
        r.waitForMessage("Open the pull request?", b);
        r.assertLogContains("waits at pr, landed: edited", b);
        b.getAction(InputAction.class).getExecution("Pr").proceed(null);
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        r.assertLogContains("final status done", b);
        String id = "jenkins-p-1";
        List<String> artifacts = b.getArtifacts().stream().map(a -> a.relativePath).toList();
        assertTrue(artifacts.contains("orchestra/" + id + "/bundle/metrics.json"), artifacts.toString());
        assertTrue(artifacts.contains("orchestra/" + id + "/bundle/report.html"), artifacts.toString());
        assertEquals(1, b.getAction(OrchestraRunAction.class).getRuns().size());
    }

    @Test
    void aRejectedGateAbortsTheBuildWithOnlyThePlanArchived(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, """
                def run = orchestrate phase: 'plan', workflow: 'touch'
                input id: 'Plan', message: 'Approve the plan?'
                orchestrate phase: 'implement'
                """);
        WorkflowRun b = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Approve the plan?", b);
        b.getAction(InputAction.class).getExecution("Plan").doAbort();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        assertEquals(List.of("orchestra/jenkins-p-1/plan.md"), b.getArtifacts().stream().map(a -> a.relativePath).toList());
    }

    @Test
    void failingTestsAreFixedByTheLoopBehindThePatchGate(JenkinsRule r) throws Exception {
        addKey();
        try (ScriptedModelServer model = ScriptedModelServer.start().respondWith(FixLoopScenario::answer)) {
            WorkflowJob job = r.createProject(WorkflowJob.class, "fix");
            FilePath workspace = r.jenkins.getWorkspaceFor(job);
            for (Map.Entry<String, String> file : FixLoopScenario.files().entrySet()) {
                workspace.child(file.getKey()).write(file.getValue(), "UTF-8");
            }
            job.setDefinition(new CpsFlowDefinition("""
                    node {
                      sh 'git init -q -b main . && git config user.email ci@example.invalid && git config user.name CI && git add -A && git commit -qm initial'
                      def run = orchestrate phase: 'plan', workflow: '%s', model: 'openai:gpt-4o-mini', baseUrl: '%s/v1', credentialsId: 'model-key'
                      input id: 'Plan', message: 'Approve the plan?'
                      run = orchestrateWithTests(phase: 'implement', credentialsId: 'model-key') { sh '%s' }
                      while (run.waitingFor == 'patch') {
                        input id: "Patch${run.metrics.fixIterations}", message: "Land round ${run.metrics.fixIterations}?"
                        run = orchestrateWithTests(phase: 'implement', gate: 'patch', credentialsId: 'model-key') { sh '%s' }
                      }
                      echo "at the ${run.waitingFor} gate after ${run.metrics.fixIterations} fix: ${run.metrics.testsAfter.passed} passed, ${run.metrics.testsAfter.failed} failed"
                      input id: 'Pr', message: 'Open the pull request?'
                      def done = orchestrate phase: 'finalize', credentialsId: 'model-key'
                      echo "finalized: ${done.status}, tests pass: ${done.metrics.testsAfter.failed == 0 && done.metrics.testsAfter.errors == 0}"
                    }
                    """.formatted(FixLoopScenario.WORKFLOW, model.baseUrl(), FixLoopScenario.TEST_COMMAND,
                    FixLoopScenario.TEST_COMMAND), true));
            WorkflowRun b = job.scheduleBuild2(0).waitForStart();
            for (String[] gate : new String[][] {{"Plan", "Approve the plan?"}, {"Patch0", "Land round 0?"},
                    {"Patch1", "Land round 1?"}, {"Pr", "Open the pull request?"}}) {
                r.waitForMessage(gate[1], b);
                b.getAction(InputAction.class).getExecution(gate[0]).proceed(null);
            }
            r.assertBuildStatusSuccess(r.waitForCompletion(b));
            r.assertLogContains("orchestrate: the tests failed", b);
            r.assertLogContains("at the pr gate after 1 fix: 1 passed, 0 failed", b);
            r.assertLogContains("finalized: done, tests pass: true", b);
            r.assertLogNotContains(KEY, b);
            assertEquals("hello world", workspace.child("greeting.txt").readToString().trim());
            assertFalse(model.requests().isEmpty());
            model.requests().forEach(request -> assertEquals("Bearer " + KEY, request.header("Authorization")));

            String bundle = "orchestra/jenkins-fix-1/bundle/";
            List<String> artifacts = b.getArtifacts().stream().map(a -> a.relativePath).toList();
            assertTrue(artifacts.containsAll(List.of(bundle + "metrics.json", bundle + "bundle.json",
                    bundle + "SUMMARY.md", bundle + "report.html")), artifacts.toString());
            assertEquals(2, artifacts.stream().filter(a -> a.startsWith(bundle + "patches/")).count(),
                    "the shout and its fix: " + artifacts);
            RunSummary summary = b.getAction(OrchestraRunAction.class).getRuns().get(0);
            assertEquals("1 passed, 0 failing, 0 skipped of 1", summary.getTestsAfter());
            assertEquals(1, summary.getFixIterations());
        }
    }

    private static void addKey() throws Exception {
        CredentialsProvider.lookupStores(Jenkins.get()).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "model-key", "", Secret.fromString(KEY)));
    }

    @Test
    void theKeyIsMaskedAndNeverOnTheCommandLine(JenkinsRule r) throws Exception {
        addKey();
        WorkflowJob job = job(r, """
                orchestrate phase: 'run', workflow: 'touch', credentialsId: 'model-key'
                sh 'echo "the key is $ORCHESTRA_API_KEY" || true'
                """);
        WorkflowRun b = r.buildAndAssertSuccess(job);
        r.assertLogContains("--api-key-env ORCHESTRA_API_KEY", b);
        r.assertLogNotContains(KEY, b);
    }

    @Test
    void aMissingCredentialFailsWithOneLine(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "orchestrate phase: 'run', workflow: 'touch', credentialsId: 'nope'");
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("credentialsId 'nope': no Secret Text credential", b);
    }

    @Test
    void theGlobalConfigurationSurvivesARoundTrip(JenkinsRule r) throws Exception {
        OrchestraConfiguration config = OrchestraConfiguration.get();
        config.setModel("openai:gpt-4o");
        config.setBaseUrl("http://127.0.0.1:9/v1");
        config.setPrices("gpt-4o: {input: 2.5, output: 10}");
        r.configRoundtrip();
        assertEquals("openai:gpt-4o", OrchestraConfiguration.get().getModel());
        assertEquals("http://127.0.0.1:9/v1", OrchestraConfiguration.get().getBaseUrl());
        assertEquals("gpt-4o: {input: 2.5, output: 10}", OrchestraConfiguration.get().getPrices());
    }

    @Test
    void theGlobalConfigurationIsReadFromConfigurationAsCode(JenkinsRule r, @TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("jenkins.yaml");
        Files.writeString(yaml, """
                unclassified:
                  orchestra:
                    model: "anthropic:claude-sonnet-4-5"
                    baseUrl: "http://127.0.0.1:9/v1"
                    credentialsId: "model-key"
                    prices: |
                      claude-sonnet-4-5: {input: 3, output: 15}
                """);
        ConfigurationAsCode.get().configure(yaml.toString());
        OrchestraConfiguration config = OrchestraConfiguration.get();
        assertEquals("anthropic:claude-sonnet-4-5", config.getModel());
        assertEquals("http://127.0.0.1:9/v1", config.getBaseUrl());
        assertEquals("model-key", config.getCredentialsId());
        assertEquals("claude-sonnet-4-5: {input: 3, output: 15}\n", config.getPrices());
    }

    @Test
    void theStepRunsOnTheAgentThatHoldsTheWorkspace(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Jenkins.get().getLabel("remote"));
        WorkflowJob job = r.createProject(WorkflowJob.class, "on-agent");
        job.setDefinition(new CpsFlowDefinition("node('remote') {\n" + REPO
                + "def run = orchestrate phase: 'run', workflow: 'touch'\necho \"status ${run.status}\"\n}", true));
        WorkflowRun b = r.buildAndAssertSuccess(job);
        r.assertLogContains("status done", b);
        r.assertLogContains("@tmp/orchestra-cli/orchestra-", b);
    }

    @Test
    void pipelineRefusesABodyOnOrchestrateAndACallOfOrchestrateWithTestsWithoutOne(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "orchestrate(phase: 'run', workflow: 'touch') { sh 'true' }");
        r.assertLogContains("Expected named arguments", r.buildAndAssertStatus(Result.FAILURE, job));
        WorkflowJob other = r.createProject(WorkflowJob.class, "q");
        other.setDefinition(new CpsFlowDefinition("node {\n" + REPO + "orchestrateWithTests(phase: 'run', workflow: 'touch')\n}", true));
        r.assertLogContains("orchestrateWithTests step must be called with a body", r.buildAndAssertStatus(Result.FAILURE, other));
    }

    @Test
    void aPhaseThatRunsNoTestsIsRefusedByOrchestrateWithTestsNamingTheCallToUse(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "orchestrateWithTests(phase: 'plan', workflow: 'touch') { sh 'true' }");
        r.assertLogContains("orchestrateWithTests: phase 'plan' runs no tests: call orchestrate phase: 'plan'",
                r.buildAndAssertStatus(Result.FAILURE, job));
    }

    @Test
    void anInterruptedBodyAbortsTheStepAndNeverReachesTheRunAsFailingTests(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, """
                timeout(time: 10, unit: 'SECONDS') {
                  orchestrateWithTests(phase: 'run', workflow: 'touch') { sh 'sleep 120' }
                }
                """);
        WorkflowRun b = r.buildAndAssertStatus(Result.ABORTED, job);
        r.assertLogNotContains("orchestrate: the tests failed", b);
    }

    @Test
    void anApprovalWithoutApprovedByIsRecordedAsNotRecorded(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, """
                orchestrate phase: 'plan', workflow: 'touch', noTests: true
                orchestrate phase: 'implement'
                """);
        WorkflowRun b = r.buildAndAssertSuccess(job);
        r.assertLogContains("recorded as 'not recorded'", b);
        String state = r.jenkins.getWorkspaceFor(job).child(".orchestra/runs/jenkins-p-1/state.json").readToString();
        assertTrue(state.contains("\"not recorded\""), state);
        assertFalse(state.contains("SYSTEM"), "never the user who started the build");
    }
}
