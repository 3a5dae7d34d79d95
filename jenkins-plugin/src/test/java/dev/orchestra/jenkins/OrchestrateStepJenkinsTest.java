package dev.orchestra.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Result;
import hudson.util.Secret;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The step in a real Jenkins (run with ./mvnw -Pjenkins): gates, rejection, the key, configuration, agents. */
@WithJenkins
class OrchestrateStepJenkinsTest {
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
                def done = orchestrate(phase: 'implement', plan: plan) { sh 'true' }
                input id: 'Pr', message: 'Open the pull request?'
                def fin = orchestrate phase: 'finalize'
                echo "final status ${fin.status}"
                """);
        WorkflowRun b = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Approve the plan?", b);
        b.getAction(InputAction.class).getExecution("Plan").proceed(Map.of("plan", "unused: the default plan is kept"));
        r.waitForMessage("Open the pull request?", b);
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
    void theKeyIsMaskedAndNeverOnTheCommandLine(JenkinsRule r) throws Exception {
        String key = "fake-key-for-tests-not-a-real-key";
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "model-key", "", Secret.fromString(key)));
        WorkflowJob job = job(r, """
                orchestrate phase: 'run', workflow: 'touch', credentialsId: 'model-key'
                sh 'echo "the key is $ORCHESTRA_API_KEY" || true'
                """);
        WorkflowRun b = r.buildAndAssertSuccess(job);
        r.assertLogContains("--api-key-env ORCHESTRA_API_KEY", b);
        r.assertLogNotContains(key, b);
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
    void theStepRunsOnTheAgentThatHoldsTheWorkspace(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Jenkins.get().getLabel("remote"));
        WorkflowJob job = r.createProject(WorkflowJob.class, "on-agent");
        job.setDefinition(new CpsFlowDefinition("node('remote') {\n" + REPO
                + "def run = orchestrate phase: 'run', workflow: 'touch'\necho \"status ${run.status}\"\n}", true));
        WorkflowRun b = r.buildAndAssertSuccess(job);
        r.assertLogContains("status done", b);
        r.assertLogContains("cache/orchestra/", b);
    }
}
