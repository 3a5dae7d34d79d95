package dev.orchestra.jenkins.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code orchestra} command lines of one step: the arguments after {@code java -jar orchestra.jar}.
 * The process runs in the repository (the step's working directory), so no {@code --repo} is given.
 * Secrets never appear here: the key travels in the environment variable named by {@link #API_KEY_ENV}.
 */
public final class CliCommands {
    /** The environment variable that carries the key of the step's Secret Text credential. */
    public static final String API_KEY_ENV = "ORCHESTRA_API_KEY";

    private final StepArguments args;

    public CliCommands(StepArguments args) {
        this.args = args;
    }

    /**
     * {@code orchestra run}: the plan phase starts a run with the plan, patch and pr gates and stops at the plan
     * gate; the run phase has no gates.
     *
     * @param taskFile a file holding the task text, or null for none
     * @param pricesFile a YAML price table, or null for none
     */
    public List<String> start(String taskFile, String pricesFile) {
        List<String> cmd = command("run");
        cmd.add("--gates");
        cmd.add(args.phase == Phase.RUN ? "none" : "plan,patch,pr");
        option(cmd, "--workflow", args.workflow);
        option(cmd, "--task", taskFile == null ? null : "@" + taskFile);
        option(cmd, "--model", args.model);
        option(cmd, "--base-url", args.baseUrl);
        option(cmd, "--api-key-env", args.hasApiKey ? API_KEY_ENV : null);
        option(cmd, "--max-fix-iterations", args.maxFixIterations);
        option(cmd, "--max-tokens", args.maxTokens);
        option(cmd, "--max-cost", args.maxCost);
        option(cmd, "--max-model-calls", args.maxModelCalls);
        option(cmd, "--max-minutes", args.maxMinutes);
        option(cmd, "--prices", pricesFile);
        if (args.testsOutside()) {
            cmd.add("--validate-external");
            junit(cmd);
        }
        return cmd;
    }

    /** {@code orchestra status}: where an existing run stands. */
    public List<String> status() {
        return command("status");
    }

    /** {@code orchestra resume} with no answer: picks up a run whose process was killed. */
    public List<String> resume() {
        return command("resume");
    }

    /** {@code orchestra resume --approve}: answers the gate the run waits at. */
    public List<String> approve(String by, String editedPlanFile) {
        List<String> cmd = command("resume");
        cmd.add("--approve");
        option(cmd, "--edited-plan", editedPlanFile);
        option(cmd, "--by", by);
        return cmd;
    }

    /** {@code orchestra resume --validation-exit N}: hands back the outcome of the step's body. */
    public List<String> validated(int exitCode) {
        List<String> cmd = command("resume");
        cmd.add("--validation-exit");
        cmd.add(Integer.toString(exitCode));
        junit(cmd);
        return cmd;
    }

    /** {@code orchestra export}: the run as one file, to carry it to the next {@code node} block. */
    public List<String> export(String file) {
        List<String> cmd = command("export");
        cmd.add("--to");
        cmd.add(file);
        return cmd;
    }

    /** {@code orchestra import}: the run a previous {@code node} block exported. */
    public static List<String> importFrom(String file) {
        return new ArrayList<>(List.of("import", "--json", "--from", file));
    }

    /**
     * A command line as the build log shows it: the user name and password of a URL (a base URL may carry them)
     * replaced by {@code ****}. The key is never among the arguments.
     */
    public static String display(List<String> arguments) {
        StringBuilder line = new StringBuilder("orchestra");
        for (String argument : arguments) {
            line.append(' ').append(argument.replaceAll("(?<=://)[^/@\\s]+@", "****@"));
        }
        return line.toString();
    }

    private List<String> command(String name) {
        List<String> cmd = new ArrayList<>();
        cmd.add(name);
        cmd.add("--json");
        cmd.add("--run-id");
        cmd.add(args.runId);
        return cmd;
    }

    private void junit(List<String> cmd) {
        for (String glob : args.junitGlobs()) {
            cmd.add("--junit");
            cmd.add(glob);
        }
    }

    private static void option(List<String> cmd, String name, Object value) {
        if (value != null) {
            cmd.add(name);
            cmd.add(value.toString());
        }
    }
}
