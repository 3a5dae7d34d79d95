package dev.orchestra.cli;

import dev.orchestra.engine.output.ControlCharacters;
import dev.orchestra.engine.run.Json;
import dev.orchestra.engine.run.RunState;
import dev.orchestra.engine.run.RunStore;
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
import picocli.CommandLine.Spec;

/** {@code orchestra status}: where each run of a repository stands. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show where each run of the repository stands.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--run-id", paramLabel = "ID", description = "Show one run in detail.")
    String runId;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = Session.readOnly(common.repo, spec.commandLine().getErr())) {
            RunStore store = session.context().store();
            RunOutput output = new RunOutput(store);
            if (runId != null) {
                output.print(store.load(runId), common.json, out);
                return 0;
            }
            List<RunState> runs = store.list();
            if (common.json) {
                List<Map<String, Object>> list = new ArrayList<>();
                runs.forEach(run -> list.add(output.fields(run)));
                Map<String, Object> all = new LinkedHashMap<>();
                all.put("runs", list);
                out.println(Json.MAPPER.writeValueAsString(all));
            } else if (runs.isEmpty()) {
                out.println("No runs in " + store.runsDir());
            } else {
                for (RunState run : runs) {
                    out.printf("%-22s %-20s %-10s %s%n", run.runId, run.status.name().toLowerCase()
                            + (run.waitingFor == null ? "" : ":" + run.waitingFor), run.phase.name().toLowerCase(),
                            ControlCharacters.strip(run.failure == null ? run.plan.name() : run.failure));
                }
            }
            out.flush();
            return 0;
        }
    }
}
