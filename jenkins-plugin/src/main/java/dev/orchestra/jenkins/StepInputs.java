package dev.orchestra.jenkins;

import dev.orchestra.jenkins.run.Phase;
import dev.orchestra.jenkins.run.StepArguments;
import hudson.FilePath;
import hudson.model.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The step's arguments with the global defaults applied, and the files the command line reads them from. */
final class StepInputs {
    /**
     * Who approved a gate when the Jenkinsfile did not say: never the build's starter, who did not approve anything.
     * The {@code input} step's {@code submitterParameter} is the approver.
     */
    static final String NOT_RECORDED = "not recorded";

    private StepInputs() {}

    static StepArguments arguments(OrchestrateStep step, OrchestraConfiguration config, Run<?, ?> build,
                                   boolean hasBody, boolean hasApiKey) {
        String runId = StepArguments.firstGiven(step.getRunId(),
                StepArguments.defaultRunId(build.getParent().getFullName(), build.getNumber()));
        return new StepArguments()
                .phase(Phase.parse(step.getPhase()))
                .runId(runId)
                .task(step.getTask())
                .taskFile(step.getTaskFile())
                .workflow(step.getWorkflow())
                .model(step.getModel())
                .baseUrl(step.getBaseUrl())
                .newRunDefaults(config.getModel(), config.getBaseUrl())
                .maxFixIterations(step.getMaxFixIterations())
                .maxTokens(step.getMaxTokens())
                .maxCost(step.getMaxCost())
                .maxModelCalls(step.getMaxModelCalls())
                .maxMinutes(step.getMaxMinutes())
                .junitResults(step.getJunitResults())
                .approvedBy(StepArguments.firstGiven(step.getApprovedBy(), NOT_RECORDED))
                .gate(step.getGate())
                .hasPlan(step.getPlan() != null && !step.getPlan().isBlank())
                .hasBody(hasBody)
                .noTests(step.isNoTests())
                .hasApiKey(hasApiKey)
                .check();
    }

    /** The task text written to a file (task texts are tickets: long, and not for the command line). */
    static String taskFile(OrchestrateStep step, FilePath folder) throws IOException, InterruptedException {
        if (step.getTaskFile() != null && !step.getTaskFile().isBlank()) {
            return step.getTaskFile();
        }
        return write(folder, "task.md", step.getTask());
    }

    /** The plan the Jenkinsfile passed back from the {@code input} step, written for {@code --edited-plan}. */
    static String editedPlanFile(OrchestrateStep step, FilePath folder) throws IOException, InterruptedException {
        return write(folder, "plan.md", step.getPlan());
    }

    /** The global price table, written for {@code --prices}. */
    static String pricesFile(OrchestraConfiguration config, FilePath folder) throws IOException, InterruptedException {
        return write(folder, "prices.yml", config.getPrices());
    }

    private static String write(FilePath folder, String name, String text) throws IOException, InterruptedException {
        if (text == null || text.isBlank()) {
            return null;
        }
        folder.mkdirs();
        FilePath file = folder.child(name);
        file.write(text, StandardCharsets.UTF_8.name());
        return file.getRemote();
    }
}
