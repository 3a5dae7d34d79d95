package dev.orchestra.jenkins;

import dev.orchestra.jenkins.form.FormChecks;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** What both Orchestra steps share in the Snippet Generator: the context they need, the lists and the checks. */
abstract class OrchestraStepDescriptor extends StepDescriptor {
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
        items.add(StepTexts.get("Gate.PhasesOwn"), "");
        items.add("patch", "patch");
        return items;
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return ApiKeyCredentials.choices(item, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
        return ApiKeyCredentials.check(item, value);
    }

    @POST
    public FormValidation doCheckModel(@AncestorInPath Item item, @QueryParameter String value) {
        return ApiKeyCredentials.mayConfigure(item) ? FormValidationOf.problem(FormChecks.model(value)) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckMaxTokens(@AncestorInPath Item item, @QueryParameter String value) {
        return ApiKeyCredentials.mayConfigure(item) ? FormValidationOf.problem(FormChecks.wholeNumber(value, 1))
                : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckMaxFixIterations(@AncestorInPath Item item, @QueryParameter String value) {
        return ApiKeyCredentials.mayConfigure(item) ? FormValidationOf.problem(FormChecks.wholeNumber(value, 0))
                : FormValidation.ok();
    }
}
