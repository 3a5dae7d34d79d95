package dev.orchestra.jenkins;

import dev.orchestra.jenkins.run.Phase;
import dev.orchestra.jenkins.run.StepArguments;
import hudson.FilePath;
import hudson.model.Cause;
import hudson.model.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The step's arguments with the global defaults applied, and the files the command line reads them from. */
final class StepInputs {
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
                .approvedBy(approver(step, build))
                .gate(step.getGate())
                .hasPlan(step.getPlan() != null && !step.getPlan().isBlank())
                .hasBody(hasBody)
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

    private static String approver(OrchestrateStep step, Run<?, ?> build) {
        Cause.UserIdCause user = build.getCause(Cause.UserIdCause.class);
        return StepArguments.firstGiven(step.getApprovedBy(), user == null ? null : user.getUserId(), "jenkins");
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
