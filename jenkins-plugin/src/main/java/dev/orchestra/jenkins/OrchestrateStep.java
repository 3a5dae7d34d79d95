package dev.orchestra.jenkins;

import hudson.Extension;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The {@code orchestrate} Pipeline step: one phase of an Orchestra run on the workspace's repository, by the
 * {@code orchestra} command line on the agent. It takes no body: the phases that run the tests are
 * {@link OrchestrateWithTestsStep}, whose body is required (Pipeline allows no optional body).
 */
public class OrchestrateStep extends Step {
    private final String phase;
    private String task;
    private String taskFile;
    private String workflow;
    private String model;
    private String credentialsId;
    private String baseUrl;
    private Integer maxFixIterations;
    private Integer maxTokens;
    private Double maxCost;
    private Integer maxModelCalls;
    private Integer maxMinutes;
    private String runId;
    private String junitResults;
    private String plan;
    private String approvedBy;
    private String gate;
    private boolean noTests;

    @DataBoundConstructor
    public OrchestrateStep(String phase) {
        this.phase = phase;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new OrchestrateStepExecution(context, this);
    }

    public String getPhase() { return phase; }
    public String getTask() { return task; }
    public String getTaskFile() { return taskFile; }
    public String getWorkflow() { return workflow; }
    public String getModel() { return model; }
    public String getCredentialsId() { return credentialsId; }
    public String getBaseUrl() { return baseUrl; }
    public Integer getMaxFixIterations() { return maxFixIterations; }
    public Integer getMaxTokens() { return maxTokens; }
    public Double getMaxCost() { return maxCost; }
    public Integer getMaxModelCalls() { return maxModelCalls; }
    public Integer getMaxMinutes() { return maxMinutes; }
    public String getRunId() { return runId; }
    public String getJunitResults() { return junitResults; }
    public String getPlan() { return plan; }
    public String getApprovedBy() { return approvedBy; }
    public String getGate() { return gate; }
    public boolean isNoTests() { return noTests; }

    @DataBoundSetter public void setTask(String task) { this.task = task; }
    @DataBoundSetter public void setTaskFile(String taskFile) { this.taskFile = taskFile; }
    @DataBoundSetter public void setWorkflow(String workflow) { this.workflow = workflow; }
    @DataBoundSetter public void setModel(String model) { this.model = model; }
    @DataBoundSetter public void setCredentialsId(String credentialsId) { this.credentialsId = credentialsId; }
    @DataBoundSetter public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    @DataBoundSetter public void setMaxFixIterations(Integer maxFixIterations) { this.maxFixIterations = maxFixIterations; }
    @DataBoundSetter public void setMaxTokens(Integer maxTokens) { this.maxTokens = maxTokens; }
    @DataBoundSetter public void setMaxCost(Double maxCost) { this.maxCost = maxCost; }
    @DataBoundSetter public void setMaxModelCalls(Integer maxModelCalls) { this.maxModelCalls = maxModelCalls; }
    @DataBoundSetter public void setMaxMinutes(Integer maxMinutes) { this.maxMinutes = maxMinutes; }
    @DataBoundSetter public void setRunId(String runId) { this.runId = runId; }
    @DataBoundSetter public void setJunitResults(String junitResults) { this.junitResults = junitResults; }
    @DataBoundSetter public void setPlan(String plan) { this.plan = plan; }
    @DataBoundSetter public void setApprovedBy(String approvedBy) { this.approvedBy = approvedBy; }
    @DataBoundSetter public void setGate(String gate) { this.gate = gate; }
    @DataBoundSetter public void setNoTests(boolean noTests) { this.noTests = noTests; }

    /** Registers {@code orchestrate}, the step without a body, with Pipeline and the Snippet Generator. */
    @Extension
    public static final class DescriptorImpl extends OrchestraStepDescriptor {
        @Override
        public String getFunctionName() {
            return "orchestrate";
        }

        @Override
        public String getDisplayName() {
            return StepTexts.get("OrchestrateStep.DisplayName");
        }
    }
}
