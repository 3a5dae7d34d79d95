package dev.orchestra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestra.cli.Main;
import dev.orchestra.testsupport.RecordedRequest;
import dev.orchestra.testsupport.ScriptedAnswer;
import dev.orchestra.testsupport.ScriptedModelServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Parallel delegation with a scripted model at a fixed latency: 8 independent code-writer steps with
 * --jobs 8 against --jobs 1, a chain of 8 dependent steps in both modes, and the engine's own time
 * (wall time minus the model latency on the critical path; no tools run) on a 2,000-file repository.
 * Usage: {@code parallel [LATENCY_MS] [FILES]} (defaults 1500, 2000).
 */
public final class ParallelBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FILE = Pattern.compile("You may change: (\\S+)");
    private static final int STEPS = 8;

    private ParallelBenchmark() {}

    public static void main(String[] args) throws Exception {
        long latency = args.length > 0 ? Long.parseLong(args[0]) : 1500;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        try (ScriptedModelServer server = ScriptedModelServer.start()) {
            server.respondWith(request -> ScriptedAnswer.delayed(Duration.ofMillis(latency), edit(request)));
            run(server, false, 1, 40); // warm up the JVM and the code paths once
            long serial = run(server, false, 1, 40);
            long parallel = run(server, false, STEPS, 40);
            long chainSerial = run(server, true, 1, 40);
            long chainParallel = run(server, true, STEPS, 40);
            long big = run(server, false, STEPS, files);
            report(latency, files, serial, parallel, chainSerial, chainParallel, big);
        }
    }

    private static void report(long latency, int files, long serial, long parallel, long chainSerial, long chainParallel,
                               long big) {
        double overhead = big - latency;
        System.out.println("# Parallel delegation\n\n" + MachineInfo.describe() + "\n");
        System.out.printf("Scripted model latency %d ms per call; %d code-writer steps, one model call each; no tools.%n%n", latency, STEPS);
        System.out.println("| case | wall time of the delegate phase | ratio | target |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| 8 independent, --jobs 1 | %d ms | | |%n", serial);
        System.out.printf("| 8 independent, --jobs 8 | %d ms | speed-up %.2f× | ≥ 6.4× |%n", parallel, serial / (double) parallel);
        System.out.printf("| chain of 8, --jobs 1 | %d ms | | |%n", chainSerial);
        System.out.printf("| chain of 8, --jobs 8 | %d ms | %.3f× serial | ≤ 1.05× |%n", chainParallel, chainParallel / (double) chainSerial);
        System.out.printf("| 8 independent, --jobs 8, %d-file repository | %d ms | engine share %.1f%% | ≤ 5%% |%n", files, big,
                100 * overhead / big);
        System.out.printf("%nEngine time per step on the %d-file repository: %.0f ms (wall %d ms − %d ms of model latency on the "
                + "critical path, over %d steps).%n", files, overhead / STEPS, big, latency, STEPS);
    }

    /** One run; returns the delegate phase's wall time in milliseconds. */
    private static long run(ScriptedModelServer server, boolean chain, int jobs, int files) throws Exception {
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
            return result.path("metrics").path("phaseMillis").path("delegate").asLong();
        } finally {
            TempFolder.delete(repo);
        }
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

    private static ScriptedAnswer edit(RecordedRequest request) {
        StringBuilder text = new StringBuilder();
        request.body().path("messages").forEach(m -> text.append(m.path("content").asText()).append('\n'));
        Matcher file = FILE.matcher(text);
        if (!file.find()) {
            return ScriptedAnswer.status(400);
        }
        String path = file.group(1);
        String unit = path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
        try {
            return ScriptedAnswer.text(JSON.writeValueAsString(Map.of("rationale", "Adds twice().", "edits", java.util.List.of(
                    Map.of("path", path, "search", "    // end of " + unit,
                            "replace", "    public int twice() {\n        return 2 * value();\n    }\n    // end of " + unit)))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
