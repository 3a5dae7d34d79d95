package dev.orchestra.engine.run;

import dev.orchestra.engine.BadInputException;

/** A run folder Orchestra will not trust: tracked in git, reached through a link, or not signed with the operator's key. */
public final class RunRefusedException extends BadInputException {
    public RunRefusedException(String runId, String why) {
        super("run " + runId + " refused: " + why + "; Orchestra never loads, resumes or runs it");
    }
}
