package dev.orchestra.engine.run;

/** Receives human-readable progress lines (the CLI prints them on stderr, Jenkins in the build log). */
public interface RunListener {
    void progress(String line);

    RunListener SILENT = line -> { };
}
