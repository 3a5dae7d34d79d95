package dev.orchestra.jenkins;

import hudson.Extension;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The {@code orchestrateWithTests} Pipeline step: the phases that run the project's tests ({@code implement},
 * {@code run}), with the tests as its body, which Pipeline then requires on every call. The body runs whenever the run
 * waits for validation: before the change, after it lands, after each fix.
 */
public class OrchestrateWithTestsStep extends OrchestrateStep {
    @DataBoundConstructor
    public OrchestrateWithTestsStep(String phase) {
        super(phase);
    }

    /** Registers {@code orchestrateWithTests}, the step with a required body. */
    @Extension
    public static final class DescriptorImpl extends OrchestraStepDescriptor {
        @Override
        public String getFunctionName() {
            return "orchestrateWithTests";
        }

        @Override
        public String getDisplayName() {
            return StepTexts.get("OrchestrateWithTestsStep.DisplayName");
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }
    }
}
