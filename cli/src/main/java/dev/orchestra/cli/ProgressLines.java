package dev.orchestra.cli;

import dev.orchestra.engine.run.RunListener;
import java.io.PrintWriter;

/**
 * Progress on stderr: every line prefixed {@code [orchestra]}. The steps' status line is redrawn in
 * place on a terminal, and written only when it changes (times aside) in CI logs.
 */
final class ProgressLines implements RunListener {
    private final PrintWriter err;
    private final boolean terminal;
    private String lastBoard = "";
    private boolean boardShown;

    ProgressLines(PrintWriter err) {
        this(err, System.console() != null && System.getenv("CI") == null);
    }

    /** Progress on {@code err}, redrawn in place when {@code terminal}, else as plain lines. */
    ProgressLines(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(String line) {
        if (boardShown) {
            err.print("\r\033[2K");
            boardShown = false;
        }
        err.println("[orchestra] " + line);
        err.flush();
    }

    @Override
    public synchronized void board(String line) {
        if (terminal) {
            err.print("\r\033[2K[orchestra] " + line);
            boardShown = true;
            err.flush();
            return;
        }
        String withoutTimes = line.replaceAll("\\d+\\.\\ds", "").replaceAll(" \\d+ tok", "");
        if (!withoutTimes.equals(lastBoard)) {
            lastBoard = withoutTimes;
            progress(line);
        }
    }
}
