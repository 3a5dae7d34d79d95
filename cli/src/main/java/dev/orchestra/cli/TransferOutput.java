package dev.orchestra.cli;

import dev.orchestra.contract.RunResult;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.state.RunState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.UnaryOperator;

/** What export and import print: the run as {@code status} shows it, with what the command did; exit 0. */
final class TransferOutput {
    private TransferOutput() {}

    static int print(RunOutput output, RunState state, UnaryOperator<RunResult> extra, boolean json, PrintWriter out) {
        if (json) {
            Map<String, Object> fields = RunOutput.fields(extra.apply(output.result(state)));
            try {
                out.println(Json.MAPPER.writeValueAsString(fields));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.print(output.humanSummary(state));
        }
        out.flush();
        return ExitCodes.DONE;
    }
}
