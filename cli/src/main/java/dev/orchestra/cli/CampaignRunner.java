package dev.orchestra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.campaign.BundleRows;
import dev.orchestra.engine.campaign.Campaign;
import dev.orchestra.engine.campaign.RepoLine;
import dev.orchestra.engine.campaign.RollupRow;
import dev.orchestra.engine.campaign.RollupWriter;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.run.RunListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one campaign's repositories, each with the real {@code orchestra run} (or {@code resume} for a run a kill
 * interrupted) on its own clone, and keeps {@code campaign.json} and the rollup up to date after every change: a
 * finished repository is never run again, one that was running when the campaign was killed is resumed.
 */
final class CampaignRunner {
    private final Path dir;
    private final Map<String, String> env;
    private final RunListener progress;
    private final Function<RepoLine, List<String>> runArgs;
    private Campaign campaign;

    CampaignRunner(Path dir, Campaign campaign, Map<String, String> env, RunListener progress,
                   Function<RepoLine, List<String>> runArgs) {
        this.dir = dir;
        this.campaign = campaign;
        this.env = env;
        this.progress = progress;
        this.runArgs = runArgs;
    }

    synchronized Campaign campaign() {
        return campaign;
    }

    /** Brings one repository to a finished row: clone, run or resume, read its bundle. */
    void runOne(RepoLine repo) {
        RollupRow row = row(repo.name());
        if (row.finished()) {
            return;
        }
        update(row.withState("running"));
        long started = System.nanoTime();
        RollupRow result;
        try {
            Path clone = new CampaignClones(dir, env).ensure(repo, line -> progress.progress(repo.name() + ": " + line));
            result = runOrResume(repo, clone, row.runId());
        } catch (dev.orchestra.engine.BadInputException e) {
            result = failed(row, ExitCodes.BAD_INPUT, "error", e.getMessage(), started);
        } catch (RuntimeException e) {
            result = failed(row, ExitCodes.FAILED, "error", e.getMessage() == null ? e.toString() : e.getMessage(), started);
        }
        update(result);
        Campaign.Totals totals = campaign().totals();
        progress.progress(repo.name() + ": " + RollupRowText.outcome(result) + " — " + totals.finished() + "/"
                + totals.repos() + " finished");
    }

    private RollupRow runOrResume(RepoLine repo, Path clone, String runId) {
        Path runDir = clone.resolve(".orchestra").resolve("runs").resolve(runId);
        List<String> args;
        if (Files.isRegularFile(runDir.resolve("state.json"))) {
            JsonNode status = invoke(repo, List.of("status", "--repo", clone.toString(), "--run-id", runId, "--json"));
            String state = status.path("status").asText();
            if (List.of("done", "failed", "rejected", "budget_exhausted", "escalated").contains(state)) {
                progress.progress(repo.name() + ": run " + runId + " had finished (" + state + ") before the campaign stopped");
                if (status.path("published").isNull() && runArgs.apply(repo).contains("--push")
                        && List.of("done", "escalated").contains(state)) {
                    JsonNode published = invoke(repo, List.of("publish", "--repo", clone.toString(), "--run-id", runId, "--json"));
                    return rowOf(repo, published.has("error") ? published : status);
                }
                return rowOf(repo, status);
            }
            progress.progress(repo.name() + ": resuming run " + runId);
            args = List.of("resume", "--repo", clone.toString(), "--run-id", runId, "--json");
        } else {
            deleteRunFolder(runDir); // a kill before the run's first state: nothing in it to keep
            args = new ArrayList<>(List.of("run", "--repo", clone.toString(), "--run-id", runId, "--json"));
            args.addAll(runArgs.apply(repo));
        }
        return rowOf(repo, invoke(repo, args));
    }

    private RollupRow rowOf(RepoLine repo, JsonNode result) {
        RollupRow row = row(repo.name());
        int exit = result.path("exitCode").asInt(1);
        if (result.has("error")) {
            return failed(row, exit, "error", result.path("error").asText(), System.nanoTime());
        }
        String bundle = result.path("bundlePath").asText(null);
        if (bundle == null) {
            return failed(row, exit, result.path("status").asText("unknown"), result.path("failure").asText(null),
                    System.nanoTime());
        }
        RollupRow read = BundleRows.read(Path.of(bundle), repo.name(), repo.source());
        String relative = dir.toAbsolutePath().relativize(Path.of(bundle).toAbsolutePath()).toString();
        return new RollupRow(read.name(), read.source(), "finished", read.outcome(), exit, read.failure(), row.runId(),
                relative, read.testsBefore(), read.testsAfter(), read.files(), read.insertions(), read.deletions(),
                read.durationMillis(), read.cost(), read.tokens(), read.pullRequest(), read.draft(), read.rework());
    }

    /** Runs one orchestra command in this process; its progress goes to the campaign's, prefixed with the repository. */
    private JsonNode invoke(RepoLine repo, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path log = dir.resolve("logs").resolve(repo.name() + ".log");
        try {
            Files.createDirectories(log.getParent());
            try (OutputStream logFile = Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
                 PrintStream err = new PrintStream(new PrefixedLines(repo.name(), progress, logFile), true,
                         StandardCharsets.UTF_8)) {
                Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), err, env, args.toArray(String[]::new));
            }
            return Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("orchestra " + args.get(0) + " on " + repo.name() + " printed no JSON object", e);
        }
    }

    private static void deleteRunFolder(Path runDir) {
        try {
            CampaignRunnerFiles.delete(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RollupRow failed(RollupRow row, int exit, String outcome, String why, long started) {
        return new RollupRow(row.name(), row.source(), "finished", outcome, exit, why, row.runId(), null, null, null, 0, 0,
                0, 0, 0.0, 0, null, false, null);
    }

    private synchronized RollupRow row(String name) {
        return campaign.repos().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** Replaces the row of the same name and rewrites campaign.json and the rollup. */
    synchronized void update(RollupRow row) {
        List<RollupRow> rows = new ArrayList<>(campaign.repos());
        rows.replaceAll(r -> r.name().equals(row.name()) ? row : r);
        campaign = campaign.with(rows, Instant.now().toString());
        try {
            RollupWriter.write(dir, campaign);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rollup in " + dir, e);
        }
    }

    /** Lines a run prints on stderr, sent on as the campaign's progress with the repository's name, and to its log. */
    private static final class PrefixedLines extends OutputStream {
        private final String name;
        private final RunListener progress;
        private final OutputStream log;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        PrefixedLines(String name, RunListener progress, OutputStream log) {
            this.name = name;
            this.progress = progress;
            this.log = log;
        }

        @Override
        public void write(int b) throws IOException {
            log.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "")
                        .replaceFirst("^\\[orchestra\\] ", "");
                line.reset();
                if (!text.isBlank()) {
                    progress.progress(name + ": " + text);
                }
            } else if (b == '\r') {
                line.reset(); // a status line redrawn in place on a terminal: only the last one counts
            } else {
                line.write(b);
            }
        }
    }
}
