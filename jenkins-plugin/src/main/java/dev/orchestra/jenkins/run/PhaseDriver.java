package dev.orchestra.jenkins.run;

import dev.orchestra.jenkins.run.NextMove.Fail;
import dev.orchestra.jenkins.run.NextMove.Finish;
import dev.orchestra.jenkins.run.NextMove.RunBody;
import dev.orchestra.jenkins.run.NextMove.RunCli;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives one phase of the step: from where the run stands after each call of the command line, decides the next
 * call, the body's run, or the end. Decisions read the run's {@code status} from the JSON, so a rerun after a
 * restart (which starts with {@code orchestra status}) takes up the run where it stands. A call approves at most
 * the one gate it answers ({@link StepArguments#answeredGate()}), where the run waited when the call began; it
 * never approves a gate the Jenkinsfile has not asked a human about.
 */
public final class PhaseDriver implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_CALLS = 200;

    private final StepArguments args;
    private final String taskFile;
    private final String pricesFile;
    private final String editedPlanFile;
    private final Set<String> approved = new HashSet<>();
    private boolean resumed;
    private boolean looked;
    private String waitingAtStart;
    private int calls;

    /** Files the execution wrote for the command line (paths the CLI can read), each null when not needed. */
    public PhaseDriver(StepArguments args, String taskFile, String pricesFile, String editedPlanFile) {
        this.args = args;
        this.taskFile = taskFile;
        this.pricesFile = pricesFile;
        this.editedPlanFile = editedPlanFile;
    }

    /** The first move, knowing whether the run's folder already exists in the workspace. */
    public NextMove first(boolean runExists) {
        CliCommands commands = new CliCommands(args);
        if (runExists) {
            return call(commands.status());
        }
        if (args.phase == Phase.IMPLEMENT || args.phase == Phase.FINALIZE) {
            return new Fail(null, "no run '" + args.runId + "' in this workspace: call orchestrate phase: 'plan' first"
                    + " (in the same workspace, with the same runId)");
        }
        return call(commands.start(taskFile, pricesFile));
    }

    /** The move after a call of the command line. */
    public NextMove afterCli(CliOutput out) {
        if (!out.hasJson()) {
            return new Fail(out, out.errorLine() != null ? out.errorLine() : "orchestra exited with code "
                    + out.exitCode() + " and printed no result");
        }
        String status = out.status();
        if (status == null) {
            return new Fail(out, out.errorLine() != null ? out.errorLine() : "orchestra exited with code "
                    + out.exitCode() + " and its result names no status");
        }
        String occurrence = "waiting_gate".equals(status) ? out.waitingFor() + "#" + out.fixIterations() : null;
        if (!looked) {
            looked = true;
            waitingAtStart = occurrence;
        }
        return switch (status) {
            case "done" -> new Finish(out, false, null);
            case "running" -> resumeOnce(out);
            case "waiting_gate" -> atGate(out, occurrence);
            case "waiting_validation" -> args.hasBody ? new RunBody()
                    : new Fail(out, "the run waits for its tests: call orchestrateWithTests(phase: '" + args.phase.argument()
                            + "', ...) { your tests } (or start the run with noTests: true)");
            case "escalated" -> new Finish(out, true, "Orchestra escalated run " + out.runId()
                    + " to a human: " + out.why());
            case "budget_exhausted" -> new Fail(out, "budget exhausted: " + out.why());
            case "rejected" -> new Fail(out, "run " + out.runId() + " was rejected: " + out.why());
            case "failed" -> new Fail(out, out.why());
            default -> new Fail(out, "orchestra reported an unknown status '" + status + "'");
        };
    }

    /** The move after the body ran: hand its outcome back (exit 0 for success, 1 for failure). */
    public NextMove afterBody(boolean succeeded) {
        return call(new CliCommands(args).validated(succeeded ? 0 : 1));
    }

    private NextMove resumeOnce(CliOutput out) {
        if (resumed) {
            return new Fail(out, "run " + out.runId() + " is still marked running after a resume: " + out.why());
        }
        resumed = true;
        return call(new CliCommands(args).resume());
    }

    /**
     * At a gate, a call approves only the gate it answers, once, and only when the run already waited there when
     * the call began: a gate the run comes to during the call (the fix loop's next patch gate, a later gate, or
     * any gate after a crashed run was resumed) ends the call, so that the Jenkinsfile asks a human.
     */
    private NextMove atGate(CliOutput out, String occurrence) {
        String gate = out.waitingFor();
        if (approved.contains(occurrence)) {
            return new Fail(out, "the run still waits at the " + gate + " gate after it was approved");
        }
        int at = Phase.GATES.indexOf(gate);
        if (at < 0) {
            return new Fail(out, "the run waits at an unknown gate '" + gate + "'");
        }
        if (!approved.isEmpty()) {
            return new Finish(out, false, null); // the next gate, for a human
        }
        String mine = args.answeredGate();
        if (mine == null) {
            return args.phase == Phase.PLAN ? new Finish(out, false, null)
                    : new Fail(out, "run " + out.runId() + " was started with gates and waits at the " + gate
                            + " gate: answer it with " + Phase.callThatAnswers(gate) + ", not phase 'run'");
        }
        int answers = Phase.GATES.indexOf(mine);
        if (at < answers) {
            return new Fail(out, "the run waits at the " + gate + " gate, and this call answers the " + mine
                    + " gate: call " + Phase.callThatAnswers(gate) + " first");
        }
        if (at > answers) {
            return new Finish(out, false, "the run is past the " + mine + " gate; it waits at the " + gate
                    + " gate, answered by " + Phase.callThatAnswers(gate));
        }
        if (!occurrence.equals(waitingAtStart)) {
            return new Finish(out, false, "the run came to the " + gate + " gate during this call; it waits for a"
                    + " human there, answered by " + Phase.callThatAnswers(gate));
        }
        approved.add(occurrence);
        String plan = "plan".equals(gate) ? editedPlanFile : null;
        return call(new CliCommands(args).approve(args.approvedBy, plan));
    }

    private NextMove call(List<String> arguments) {
        if (++calls > MAX_CALLS) {
            return new Fail(null, "orchestra was called " + MAX_CALLS + " times in one phase without an end");
        }
        return new RunCli(arguments);
    }
}
