package dev.orchestra.jenkins.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code orchestrate} step's arguments once defaults are applied: what the command lines are built from.
 * Kept with the step's execution across the body's runs, so it is serializable and holds no Jenkins types.
 */
public final class StepArguments implements Serializable {
    private static final long serialVersionUID = 1L;
    /** What the step's {@code junitResults} defaults to: the Maven surefire reports. */
    public static final String DEFAULT_JUNIT = "**/target/surefire-reports/TEST-*.xml";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]+");

    Phase phase = Phase.RUN;
    String runId;
    String task;
    String taskFile;
    String workflow;
    String model;
    String baseUrl;
    Integer maxFixIterations;
    Integer maxTokens;
    Double maxCost;
    Integer maxModelCalls;
    Integer maxMinutes;
    String junitResults = DEFAULT_JUNIT;
    String approvedBy;
    String gate;
    boolean hasPlan;
    boolean hasBody;
    boolean noTests;
    boolean hasApiKey;
    boolean hasPrices;

    public StepArguments phase(Phase value) { phase = value; return this; }
    public StepArguments runId(String value) { runId = blankToNull(value); return this; }
    public StepArguments task(String value) { task = blankToNull(value); return this; }
    public StepArguments taskFile(String value) { taskFile = blankToNull(value); return this; }
    public StepArguments workflow(String value) { workflow = blankToNull(value); return this; }
    public StepArguments model(String value) { model = blankToNull(value); return this; }
    public StepArguments baseUrl(String value) { baseUrl = blankToNull(value); return this; }
    public StepArguments maxFixIterations(Integer value) { maxFixIterations = value; return this; }
    public StepArguments maxTokens(Integer value) { maxTokens = value; return this; }
    public StepArguments maxCost(Double value) { maxCost = value; return this; }
    public StepArguments maxModelCalls(Integer value) { maxModelCalls = value; return this; }
    public StepArguments maxMinutes(Integer value) { maxMinutes = value; return this; }
    public StepArguments approvedBy(String value) { approvedBy = blankToNull(value); return this; }
    public StepArguments gate(String value) { gate = blankToNull(value); return this; }
    public StepArguments hasPlan(boolean value) { hasPlan = value; return this; }
    public StepArguments hasBody(boolean value) { hasBody = value; return this; }
    public StepArguments noTests(boolean value) { noTests = value; return this; }
    public StepArguments hasApiKey(boolean value) { hasApiKey = value; return this; }
    public StepArguments hasPrices(boolean value) { hasPrices = value; return this; }

    /** The global model and base URL, for a phase that starts a run and names none; a run keeps what it started with. */
    public StepArguments newRunDefaults(String globalModel, String globalBaseUrl) {
        if (phase.startsRun()) {
            model = firstGiven(model, globalModel);
            baseUrl = firstGiven(baseUrl, globalBaseUrl);
        }
        return this;
    }

    public StepArguments junitResults(String value) {
        junitResults = blankToNull(value) == null ? DEFAULT_JUNIT : value;
        return this;
    }

    /** The first value that is given (not null, not blank): a step argument, then its global default, and so on. */
    public static String firstGiven(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    public Phase phase() { return phase; }
    public String runId() { return runId; }
    public String task() { return task; }
    public boolean hasBody() { return hasBody; }

    /** The step's name in messages: {@code orchestrateWithTests} when it has a body, else {@code orchestrate}. */
    public String stepName() {
        return hasBody ? "orchestrateWithTests" : "orchestrate";
    }

    /**
     * Whether the run this call starts waits for the Jenkinsfile's tests ({@code --validate-external}): a plan phase
     * unless {@code noTests}, since the later {@code orchestrateWithTests} calls run them; a run phase when the step has
     * a body to run them.
     */
    public boolean testsOutside() {
        return phase == Phase.PLAN ? !noTests : phase == Phase.RUN && hasBody;
    }
    public String approvedBy() { return approvedBy; }

    /**
     * The gate this call approves: {@code gate} when given, else the phase's own ({@code implement}: plan,
     * {@code finalize}: pr); null for {@code plan} and {@code run}, which approve none.
     */
    public String answeredGate() {
        List<String> gates = phase.answerable();
        return gate != null ? gate : gates.isEmpty() ? null : gates.get(0);
    }

    /** The JUnit globs: {@code junitResults} split at commas, as Jenkins' own {@code junit} step reads it. */
    public List<String> junitGlobs() {
        List<String> globs = new ArrayList<>();
        for (String glob : junitResults.split(",")) {
            if (!glob.isBlank()) {
                globs.add(glob.trim());
            }
        }
        return globs;
    }

    /** Throws {@link BadStepArgumentException} for arguments that exclude each other or are out of range. */
    public StepArguments check() {
        if (task != null && taskFile != null) {
            throw new BadStepArgumentException("task and taskFile exclude each other: give one");
        }
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new BadStepArgumentException("runId '" + runId + "': only letters, digits, '.', '-' and '_'");
        }
        checkBody();
        checkGate();
        checkStartOnly();
        positive("maxFixIterations", maxFixIterations, true);
        positive("maxTokens", maxTokens, false);
        positive("maxCost", maxCost, false);
        positive("maxModelCalls", maxModelCalls, false);
        positive("maxMinutes", maxMinutes, false);
        return this;
    }

    /**
     * The run id a build uses when the step names none: the job's full name and the build number, so that every
     * phase of one build, and a rerun of a phase after a restart, finds the same run.
     */
    public static String defaultRunId(String jobFullName, int buildNumber) {
        String job = jobFullName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return "jenkins-" + (job.isEmpty() ? "job" : job) + "-" + buildNumber;
    }

    /** The task, the workflow, the model and the budgets belong to the run: they are set when it starts. */
    private void checkStartOnly() {
        if (phase.startsRun()) {
            return;
        }
        Object[][] startOnly = {{"task", task}, {"taskFile", taskFile}, {"workflow", workflow}, {"model", model},
                {"baseUrl", baseUrl}, {"maxFixIterations", maxFixIterations}, {"maxTokens", maxTokens},
                {"maxCost", maxCost}, {"maxModelCalls", maxModelCalls}, {"maxMinutes", maxMinutes}};
        for (Object[] argument : startOnly) {
            if (argument[1] != null) {
                throw new BadStepArgumentException(argument[0] + ": set when the run starts (phase 'plan'); phase '"
                        + phase.argument() + "' continues the run as it was started");
            }
        }
    }

    /** Pipeline requires a body on every call of a step that takes one, and refuses one elsewhere: one step per need. */
    private void checkBody() {
        if (hasBody && (phase == Phase.PLAN || phase == Phase.FINALIZE)) {
            throw new BadStepArgumentException("phase '" + phase.argument() + "' runs no tests: call orchestrate phase: '"
                    + phase.argument() + "' (the step without a body)");
        }
        if (noTests && phase != Phase.PLAN) {
            throw new BadStepArgumentException("noTests: set when the run starts (phase 'plan'); phase 'run' runs no"
                    + " tests when called as orchestrate, without a body");
        }
    }

    private void checkGate() {
        List<String> gates = phase.answerable();
        if (gate != null && !gates.contains(gate)) {
            throw new BadStepArgumentException("gate '" + gate + "': " + (gates.isEmpty()
                    ? "phase '" + phase.argument() + "' approves no gate"
                    : "phase '" + phase.argument() + "' approves " + String.join(" or ", gates.stream()
                            .map(g -> "'" + g + "'").toList())));
        }
        if (hasPlan && !"plan".equals(answeredGate())) {
            throw new BadStepArgumentException("plan: an edited plan goes with the plan gate (phase 'implement'"
                    + " without gate: 'patch')");
        }
    }

    private static void positive(String name, Number value, boolean zeroAllowed) {
        if (value != null && (value.doubleValue() < 0 || (!zeroAllowed && value.doubleValue() == 0))) {
            throw new BadStepArgumentException(name + " " + value + ": must be " + (zeroAllowed ? "0 or more" : "more than 0"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
