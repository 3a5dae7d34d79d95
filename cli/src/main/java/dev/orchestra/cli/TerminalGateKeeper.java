package dev.orchestra.cli;

import dev.orchestra.engine.gate.GateAnswer;
import dev.orchestra.engine.output.ControlCharacters;
import dev.orchestra.engine.gate.GateKeeper;
import dev.orchestra.engine.gate.GateRequest;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Answers gates at a terminal: approve, reject, or (at the plan gate) edit the plan in $EDITOR.
 * Without a terminal nobody answers, so the run waits and the command exits 10.
 */
final class TerminalGateKeeper implements GateKeeper {
    private final Console console;
    private final PrintWriter err;

    private TerminalGateKeeper(Console console, PrintWriter err) {
        this.console = console;
        this.err = err;
    }

    static GateKeeper forThisProcess(boolean json, PrintWriter err) {
        Console console = System.console();
        return json || console == null ? GateKeeper.NOBODY : new TerminalGateKeeper(console, err);
    }

    @Override
    public Optional<GateAnswer> ask(GateRequest request) {
        err.println();
        err.println("== Gate '" + request.gate() + "' ==");
        err.println(ControlCharacters.strip(request.details()));
        boolean canEdit = request.planFile() != null;
        while (true) {
            String line = console.readLine("%s [a]pprove / [r]eject%s: ", ControlCharacters.strip(request.question()),
                    canEdit ? " / [e]dit" : "");
            if (line == null) {
                return Optional.empty();
            }
            switch (line.trim().toLowerCase()) {
                case "a", "approve" -> { return Optional.of(new GateAnswer(true, user(), null)); }
                case "r", "reject" -> { return Optional.of(new GateAnswer(false, user(), null)); }
                case "e", "edit" -> {
                    if (canEdit) {
                        return Optional.of(new GateAnswer(true, user(), edit(request.planFile())));
                    }
                }
                default -> { }
            }
        }
    }

    private Path edit(Path planFile) {
        try {
            Path copy = planFile.resolveSibling("plan.editing.md");
            Files.copy(planFile, copy, StandardCopyOption.REPLACE_EXISTING);
            String editor = Optional.ofNullable(System.getenv("VISUAL")).or(() -> Optional.ofNullable(System.getenv("EDITOR")))
                    .orElse("vi");
            new ProcessBuilder(List.of("sh", "-c", editor + " \"$0\"", copy.toString())).inheritIO().start().waitFor();
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the editor: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while editing the plan", e);
        }
    }

    static String user() {
        String name = System.getenv("USER");
        return name == null || name.isBlank() ? System.getProperty("user.name", "unknown") : name;
    }
}
