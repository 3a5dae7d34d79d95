package dev.orchestra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestra.cli.Main;
import dev.orchestra.testsupport.EndMarkerEdit;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Parallel delegation with a scripted model at a fixed latency: 8 independent code-writer steps with
 * --jobs 8 against --jobs 1, a chain of 8 dependent steps in both modes, and the engine's own time
 * (wall time minus the model latency on the critical path; no tools run) on a 2,000-file repository.
 * Every case runs ROUNDS times after one warm-up round; the table shows medians, the second table
 * every round. Usage: {@code parallel [LATENCY_MS] [FILES] [ROUNDS]} (defaults 1500, 2000, 5).
 */
public final class ParallelBenchmark {
    private static final ObjectMapper JSON = dev.orchestra.engine.json.Json.MAPPER;
    private static final int STEPS = 8;

    private ParallelBenchmark() {}

    public static void main(String[] args) throws Exception {
        long latency = args.length > 0 ? Long.parseLong(args[0]) : 1500;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (ScriptedModelServer server = ScriptedModelServer.start()) {
            server.respondWith(request -> ScriptedAnswer.delayed(Duration.ofMillis(latency), EndMarkerEdit.insert(request,
                    "    public int twice() {\n        return 2 * value();\n    }\n")));
            List<Round> all = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) { // round 0 warms up the JVM and the code paths
                all.add(new Round(run(server, false, 1, 40).delegateMillis(), run(server, false, STEPS, 40),
                        run(server, true, 1, 40).delegateMillis(), run(server, true, STEPS, 40).delegateMillis(),
                        run(server, false, STEPS, files)));
            }
            report(latency, files, all.get(0), all.subList(1, all.size()));
        }
    }

    /** One round of every case. */
    private record Round(long serial, Outcome parallel, long chainSerial, long chainParallel, Outcome big) {
        double speedUp() {
            return serial / (double) parallel.delegateMillis();
        }

        double chainRatio() {
            return chainParallel / (double) chainSerial;
        }
    }

    private static void report(long latency, int files, Round warmUp, List<Round> rounds) {
        System.out.println("# Parallel delegation\n\n" + MachineInfo.describe() + "\n");
        System.out.printf("Scripted model latency %d ms per call; %d code-writer steps, one model call each; no tools. "
                + "Generated repositories, packed like a clone. Each case ran %d times after one warm-up round; "
                + "medians, and in brackets the lowest and highest of the %d rounds.%n%n", latency, STEPS, rounds.size(), rounds.size());
        System.out.println("| case | wall time of the delegate phase | ratio | target |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| 8 independent, --jobs 1 | %.0f ms | | |%n", median(rounds, r -> r.serial()));
        System.out.printf("| 8 independent, --jobs 8 | %.0f ms | speed-up %s | ≥ 6.4× |%n",
                median(rounds, r -> r.parallel().delegateMillis()), spread(rounds, Round::speedUp, "%.2f×"));
        System.out.printf("| chain of 8, --jobs 1 | %.0f ms | | |%n", median(rounds, r -> r.chainSerial()));
        System.out.printf("| chain of 8, --jobs 8 | %.0f ms | %s serial | ≤ 1.05× |%n", median(rounds, r -> r.chainParallel()),
                spread(rounds, Round::chainRatio, "%.3f×"));
        System.out.printf("| 8 independent, --jobs 8, 40-file repository: engine share | %.0f ms − %.0f ms | %s | ≤ 5%% |%n",
                median(rounds, r -> r.parallel().delegateMillis()), median(rounds, r -> r.parallel().criticalLatencyMillis()),
                spread(rounds, r -> 100 * r.parallel().engineShare(), "%.1f%%"));
        System.out.printf("| 8 independent, --jobs 8, %d-file repository: engine share | %.0f ms − %.0f ms | %s | ≤ 5%% |%n",
                files, median(rounds, r -> r.big().delegateMillis()), median(rounds, r -> r.big().criticalLatencyMillis()),
                spread(rounds, r -> 100 * r.big().engineShare(), "%.1f%%"));
        System.out.printf("%nEngine time per step on the %d-file repository: %s (wall time minus the model latency on the "
                + "critical path, over %d steps).%n", files, spread(rounds, r -> r.big().engineMillis() / (double) STEPS, "%.1f ms"),
                STEPS);
        System.out.println("\nThe model latency on the critical path is the recorded latency (transcript.jsonl) of the model call of "
                + "the step that landed last: the scripted delay plus the loopback HTTP exchange.");
        System.out.println("\n| round | speed-up | chain vs serial | engine share, 40 files | engine share, " + files
                + " files | engine time per step, " + files + " files |");
        System.out.println("|---|---|---|---|---|---|");
        for (int i = 0; i <= rounds.size(); i++) {
            Round r = i == 0 ? warmUp : rounds.get(i - 1);
            System.out.printf("| %s | %.2f× | %.3f× | %.1f%% | %.1f%% | %.1f ms |%n", i == 0 ? "warm-up (not in the medians)" : i,
                    r.speedUp(), r.chainRatio(), 100 * r.parallel().engineShare(), 100 * r.big().engineShare(),
                    r.big().engineMillis() / (double) STEPS);
        }
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** The median, then the lowest and highest in brackets, each with {@code format}. */
    private static String spread(List<Round> rounds, ToDoubleFunction<Round> value, String format) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        return String.format(format, median(rounds, value)) + " (" + String.format(format, values[0]) + "–"
                + String.format(format, values[values.length - 1]) + ")";
    }

    /** One run's delegate phase: its wall time and the model latency of the step that landed last. */
    private record Outcome(int files, long delegateMillis, long criticalLatencyMillis) {
        long engineMillis() {
            return delegateMillis - criticalLatencyMillis;
        }

        double engineShare() {
            return engineMillis() / (double) delegateMillis;
        }
    }

    /** One run; returns the delegate phase's wall time and the critical path's model latency. */
    private static Outcome run(ScriptedModelServer server, boolean chain, int jobs, int files) throws Exception {
        Path repo = Files.createTempDirectory("orchestra-bench-parallel-");
        try {
            Path workflow = prepare(repo, chain, files);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                    Map.of(), "run", "--repo", repo.toString(), "--workflow", workflow.toString(), "--model",
                    "openai-compatible:bench", "--base-url", server.baseUrl() + "/v1", "--gates", "none",
                    "--jobs", String.valueOf(jobs), "--json");
            JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
            if (code != 0) {
                throw new IllegalStateException("run failed: " + result.path("failure").asText());
            }
            long delegate = result.path("metrics").path("phaseMillis").path("delegate").asLong();
            return new Outcome(files, delegate, criticalLatency(Path.of(result.path("runDir").asText())));
        } finally {
            TempFolder.delete(repo);
        }
    }

    /** The recorded latency of the model call of the step that landed last. */
    private static long criticalLatency(Path runDir) throws Exception {
        JsonNode state = JSON.readTree(runDir.resolve("state.json").toFile());
        String runId = state.at("/request/runId").asText();
        String last = null;
        String lastEnd = "";
        for (JsonNode step : state.path("steps")) {
            if (step.path("endedAt").asText().compareTo(lastEnd) > 0) {
                lastEnd = step.path("endedAt").asText();
                last = step.path("id").asText();
            }
        }
        long latency = 0;
        for (String line : Files.readAllLines(runDir.resolve("transcript.jsonl"))) {
            JsonNode call = JSON.readTree(line);
            if (call.path("kind").asText().equals("model") && call.path("id").asText().startsWith(runId + "/" + last + "/")) {
                latency += call.path("latencyMillis").asLong();
            }
        }
        return latency;
    }

    private static Path prepare(Path repo, boolean chain, int files) throws Exception {
        for (int i = 0; i < files; i++) {
            Path file = repo.resolve("src/main/java/bench/p" + (i % 50) + "/Unit" + i + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "package bench.p" + (i % 50) + ";\n\npublic class Unit" + i + " {\n    public int value() {\n"
                    + "        return " + i + ";\n    }\n    // end of Unit" + i + "\n}\n");
        }
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Bench", "bench@example.invalid");
            git.commit().setMessage("generated").setAuthor(me).setCommitter(me).call();
            git.gc().call(); // packed, like a repository cloned from a server
        }
        StringBuilder yaml = new StringBuilder("name: bench\nsteps:\n");
        for (int i = 0; i < STEPS; i++) {
            yaml.append("  - id: s").append(i).append("\n    agent: code-writer\n    instructions: Add a twice() method.\n")
                    .append("    scope: [\"src/main/java/bench/p").append(i % 50).append("/Unit").append(i).append(".java\"]\n")
                    .append("    acceptance: It compiles.\n");
            if (chain && i > 0) {
                yaml.append("    needs: [s").append(i - 1).append("]\n");
            }
        }
        Path workflow = Files.createTempFile("bench-workflow", ".yml");
        Files.writeString(workflow, yaml);
        return workflow;
    }
}
