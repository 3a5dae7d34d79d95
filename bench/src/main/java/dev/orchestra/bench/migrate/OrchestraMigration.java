package dev.orchestra.bench.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Orchestra's way: {@code java -jar orchestra.jar run --workflow junit4-to-junit5 --gates none --validate
 * "<the test command>" --json} on its own fresh checkout, timed from start to exit; its status, failure and
 * phase times read from the JSON it printed, the test counts from the bundle's bundle.json.
 */
final class OrchestraMigration {
    private static final ObjectMapper JSON = dev.orchestra.engine.json.Json.MAPPER;

    private final Path jar;
    private final String workflow;
    private final boolean mavenInBuildFolder;

    /**
     * @param mavenInBuildFolder for a repository built below its top folder, point {@code ORCHESTRA_MAVEN} at a
     *     script that runs Maven there (Orchestra's tool agents run Maven at the top folder)
     */
    OrchestraMigration(Path jar, String workflow, boolean mavenInBuildFolder) {
        this.jar = jar;
        this.workflow = workflow;
        this.mavenInBuildFolder = mavenInBuildFolder;
    }

    /**
     * What the run ended with; {@code before}/{@code after} are null when the run has no such test run;
     * {@code phases} and {@code agents} are the wall times metrics.json records per phase and per agent.
     */
    record Result(int exitCode, String status, TestCounts before, TestCounts after, String failure, long millis, Map<String, Long> phases, Map<String, Long> agents) {}

    Result run(RepositoryCase repo, Path checkout, Path logs) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(repo, checkout)).directory(checkout.toFile())
                .redirectOutput(logs.resolve("orchestra.json").toFile()).redirectError(logs.resolve("orchestra.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (mavenInBuildFolder && !repo.buildsAtTop()) {
            builder.environment().put("ORCHESTRA_MAVEN", MavenInBuildFolder.write(logs.getParent(), repo).toString());
        }
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.HOURS)) {
            process.destroyForcibly().waitFor();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return read(process.exitValue(), Files.readString(logs.resolve("orchestra.json")), millis);
    }

    private List<String> command(RepositoryCase repo, Path checkout) {
        String validate = repo.buildsAtTop() ? repo.testCommand() : "cd " + repo.buildDir() + " && " + repo.testCommand();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(List.of(java, "-jar", jar.toAbsolutePath().toString(), "run", "--repo", checkout.toString(),
                "--workflow", workflow, "--gates", "none", "--validate", validate, "--json"));
    }

    private static Result read(int exitCode, String stdout, long millis) throws IOException {
        JsonNode out = parsed(stdout);
        String status = out.path("status").asText("no JSON object on stdout");
        String failure = out.path("failure").asText("");
        JsonNode metrics = out.path("metrics");
        Map<String, Long> phases = millis(metrics.path("phaseMillis"), name -> name);
        Map<String, Long> agents = millis(metrics.path("agents"), name -> name + "/durationMillis");
        Path bundle = Path.of(out.path("bundlePath").asText("."), "bundle.json");
        if (!out.hasNonNull("bundlePath") || !Files.isRegularFile(bundle)) {
            return new Result(exitCode, status, null, null, failure, millis, phases, agents);
        }
        JsonNode tests = JSON.readTree(bundle.toFile()).path("tests");
        return new Result(exitCode, status, TestCounts.fromBundle(tests.get("before")), TestCounts.fromBundle(tests.get("after")),
                failure, millis, phases, agents);
    }

    private static JsonNode parsed(String stdout) {
        try {
            JsonNode node = JSON.readTree(stdout);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** For each field of {@code node}, the number at {@code path(name)} (a JSON pointer below the field). */
    private static Map<String, Long> millis(JsonNode node, UnaryOperator<String> path) {
        Map<String, Long> values = new LinkedHashMap<>();
        node.fieldNames().forEachRemaining(name -> values.put(name, node.at("/" + path.apply(name)).asLong()));
        return values;
    }
}
