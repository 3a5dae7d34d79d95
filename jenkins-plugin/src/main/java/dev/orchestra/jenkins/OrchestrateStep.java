package dev.orchestra.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * The {@code orchestrate} Pipeline step: one phase of an Orchestra run on the workspace's repository, by the
 * {@code orchestra} command line on the agent. Its body, when given, is the validation hook.
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
    private Long maxTokens;
    private Double maxCost;
    private Integer maxModelCalls;
    private Integer maxMinutes;
    private String runId;
    private String junitResults;
    private String plan;
    private String approvedBy;
    private String gate;

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
    public Long getMaxTokens() { return maxTokens; }
    public Double getMaxCost() { return maxCost; }
    public Integer getMaxModelCalls() { return maxModelCalls; }
    public Integer getMaxMinutes() { return maxMinutes; }
    public String getRunId() { return runId; }
    public String getJunitResults() { return junitResults; }
    public String getPlan() { return plan; }
    public String getApprovedBy() { return approvedBy; }
    public String getGate() { return gate; }

    @DataBoundSetter public void setTask(String task) { this.task = task; }
    @DataBoundSetter public void setTaskFile(String taskFile) { this.taskFile = taskFile; }
    @DataBoundSetter public void setWorkflow(String workflow) { this.workflow = workflow; }
    @DataBoundSetter public void setModel(String model) { this.model = model; }
    @DataBoundSetter public void setCredentialsId(String credentialsId) { this.credentialsId = credentialsId; }
    @DataBoundSetter public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    @DataBoundSetter public void setMaxFixIterations(Integer maxFixIterations) { this.maxFixIterations = maxFixIterations; }
    @DataBoundSetter public void setMaxTokens(Long maxTokens) { this.maxTokens = maxTokens; }
    @DataBoundSetter public void setMaxCost(Double maxCost) { this.maxCost = maxCost; }
    @DataBoundSetter public void setMaxModelCalls(Integer maxModelCalls) { this.maxModelCalls = maxModelCalls; }
    @DataBoundSetter public void setMaxMinutes(Integer maxMinutes) { this.maxMinutes = maxMinutes; }
    @DataBoundSetter public void setRunId(String runId) { this.runId = runId; }
    @DataBoundSetter public void setJunitResults(String junitResults) { this.junitResults = junitResults; }
    @DataBoundSetter public void setPlan(String plan) { this.plan = plan; }
    @DataBoundSetter public void setApprovedBy(String approvedBy) { this.approvedBy = approvedBy; }
    @DataBoundSetter public void setGate(String gate) { this.gate = gate; }

    /** Registers {@code orchestrate} with Pipeline and the Snippet Generator. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "orchestrate";
        }

        @Override
        public String getDisplayName() {
            return "Run coding agents on the repository with Orchestra";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, Launcher.class, TaskListener.class, EnvVars.class, FlowNode.class);
        }

        public ListBoxModel doFillPhaseItems() {
            ListBoxModel items = new ListBoxModel();
            for (String name : new String[] {"plan", "implement", "finalize", "run"}) {
                items.add(name);
            }
            return items;
        }

        public ListBoxModel doFillGateItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("(the phase's own: plan for implement, pr for finalize)", "");
            items.add("patch", "patch");
            return items;
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return ApiKeyCredentials.choices(item, credentialsId);
        }
    }
}
