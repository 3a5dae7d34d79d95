package dev.orchestra.engine.state;

import dev.orchestra.engine.agent.Note;
import dev.orchestra.engine.budget.Usage;
import java.util.ArrayList;
import java.util.List;

/** What happened to one plan step; part of {@link RunState}. */
public final class StepRecord {
    /** PENDING → RUNNING → DELEGATED (commit in the candidate) → LANDED, or FAILED / NO_CHANGE. */
    public enum Status { PENDING, RUNNING, DELEGATED, NO_CHANGE, LANDED, FAILED }

    public String id;
    public String agent;
    public Status status = Status.PENDING;
    /** The step's commit on the candidate ref (after integration), then on the run branch. */
    public String commit;
    public String summary = "";
    public List<Note> notes = new ArrayList<>();
    public Usage usage = Usage.NONE;
    /** Run-folder-relative path of the step's log. */
    public String log;
    public List<String> files = new ArrayList<>();
    public int insertions;
    public int deletions;
    public int attempts;
    /** Why the step was sent back (a conflict, a write outside its files); told to it on the next attempt. */
    public String retryNote;
    /** How often the step was sent back; once is the most. */
    public int sentBack;
    /** The fix iteration that added the step; 0 for the steps of the plan. */
    public int fixIteration;
    public String startedAt;
    public String endedAt;
    public long durationMillis;

    public StepRecord() {}

    public StepRecord(String id, String agent) {
        this.id = id;
        this.agent = agent;
    }
}
