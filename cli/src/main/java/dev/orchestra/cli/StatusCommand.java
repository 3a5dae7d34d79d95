package dev.orchestra.cli;

import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.output.ControlCharacters;
import dev.orchestra.engine.run.Orchestra;
import dev.orchestra.engine.run.RunStore;
import dev.orchestra.engine.state.RunState;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code orchestra status}: where each run of a repository stands. A run folder Orchestra does not trust is listed
 * as refused, a damaged one as unreadable, each with why, and nothing else of it is shown.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show where each run of the repository stands.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    OrchestraCommand parent;

    @Option(names = "--run-id", paramLabel = "ID", description = "Show one run in detail.")
    String runId;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Orchestra orchestra = Session.readOnly(common.repo, spec.commandLine().getErr(), parent.env())) {
            RunStore store = orchestra.runs();
            RunOutput output = new RunOutput(store);
            if (runId != null) {
                output.print(store.load(runId), common.json(), out);
                return 0;
            }
            List<RunStore.Listed> runs = store.list();
            if (common.json()) {
                List<Map<String, Object>> list = new ArrayList<>();
                runs.forEach(run -> list.add(run.trusted() ? output.fields(run.state()) : notTrusted(run)));
                Map<String, Object> all = new LinkedHashMap<>();
                all.put("runs", list);
                out.println(Json.MAPPER.writeValueAsString(all));
            } else if (runs.isEmpty()) {
                out.println("No runs in " + store.runsDir());
            } else {
                runs.forEach(run -> out.println(line(run)));
            }
            out.flush();
            return 0;
        }
    }

    private static String line(RunStore.Listed listed) {
        if (!listed.trusted()) {
            return String.format("%-22s %-20s %s", listed.runId(), listed.refused() ? "refused" : "unreadable",
                    ControlCharacters.strip(listed.problem()));
        }
        RunState run = listed.state();
        String status = run.status().name().toLowerCase() + (run.waitingFor() == null ? "" : ":" + run.waitingFor());
        String about = run.failure() != null ? run.failure() : run.planName();
        return String.format("%-22s %-20s %-10s %s", run.runId(), status, run.phase().name().toLowerCase(),
                ControlCharacters.strip(about));
    }

    private static Map<String, Object> notTrusted(RunStore.Listed listed) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("runId", listed.runId());
        fields.put("status", listed.refused() ? "refused" : "unreadable");
        fields.put("problem", listed.problem());
        return fields;
    }
}
