package dev.orchestra.engine.run;

/** Receives human-readable progress lines (the CLI prints them on stderr, Jenkins in the build log). */
public interface RunListener {
    void progress(String line);

    /** The steps' status line, sent often while steps run: a terminal redraws it, a log keeps the changes. */
    default void board(String line) {
        progress(line);
    }
}
