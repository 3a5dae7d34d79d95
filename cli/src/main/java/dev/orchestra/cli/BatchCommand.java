package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.campaign.Campaign;
import dev.orchestra.engine.campaign.RepoLine;
import dev.orchestra.engine.campaign.RepoList;
import dev.orchestra.engine.campaign.RollupRow;
import dev.orchestra.engine.publish.PublishRequest;
import dev.orchestra.engine.json.Json;
import dev.orchestra.engine.run.RunStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestra batch}: one workflow over many repositories, resumable, with one rollup. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Run one workflow on many repositories (a nightly campaign): each in its own clone under the"
                + " campaign folder, N at once, no human gates; run it again after a kill and it goes on where it"
                + " stopped. Writes campaign.json, ROLLUP.md and rollup.html.",
        footer = {"", "Exit codes: 0 every repository done; 12 some escalated, none failed; 1 some failed",
                "(each repository's own exit code is in campaign.json); 2 bad input, nothing changed."})
final class BatchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    OrchestraCommand parent;

    @Mixin
    PublishOptions publishOptions;

    @Option(names = "--repos", paramLabel = "FILE", required = true,
            description = "One repository a line: SOURCE BRANCH [TEST COMMAND]; SOURCE is a clone URL or a path.")
    Path repos;

    @Option(names = "--workflow", paramLabel = "NAME|FILE", required = true, description = "The workflow every repository runs.")
    String workflow;

    @Option(names = "--jobs", paramLabel = "N", description = "How many repositories run at once (default 2).")
    int jobs = 2;

    @Option(names = "--dir", paramLabel = "DIR", description = "The campaign folder: clones, logs, campaign.json, the rollup (default: ./orchestra-campaign).")
    Path dir = Path.of("orchestra-campaign");

    @Option(names = "--validate", paramLabel = "CMD", description = "The test command of repositories whose line names none.")
    String validate;

    @Option(names = "--step-timeout", paramLabel = "DURATION", description = "Passed to every run (default 30m).")
    String stepTimeout = "30m";

    @picocli.CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (jobs < 1 || jobs > 64) {
            throw new BadInputException("--jobs " + jobs + ": from 1 to 64");
        }
        Durations.parse("--step-timeout", stepTimeout);
        PublishRequest publish = publishOptions.request();
        List<RepoLine> lines = RepoList.read(repos);
        String workflowArg = Files.isRegularFile(Path.of(workflow)) ? Path.of(workflow).toAbsolutePath().toString() : workflow;
        Files.createDirectories(dir);
        ProgressLines progress = new ProgressLines(spec.commandLine().getErr());
        try (FileChannel channel = FileChannel.open(dir.resolve(".campaign.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new BadInputException("--dir " + dir + ": another orchestra batch is running on this campaign");
            }
            Campaign campaign = load(lines);
            long before = campaign.repos().stream().filter(RollupRow::finished).count();
            progress.progress("batch: " + lines.size() + " repositories, " + jobs + " at once, in " + dir.toAbsolutePath()
                    + (before == 0 ? "" : " (" + before + " finished before: never run again)"));
            CampaignRunner runner = new CampaignRunner(dir, campaign, parent.env(), progress,
                    repo -> runArgs(repo, workflowArg, publish));
            runner.update(campaign.repos().get(0)); // writes campaign.json and the rollup before any repository runs
            ExecutorService pool = Executors.newFixedThreadPool(jobs);
            lines.forEach(repo -> pool.submit(() -> runner.runOne(repo)));
            pool.shutdown();
            pool.awaitTermination(365, TimeUnit.DAYS);
            return report(runner.campaign(), progress);
        }
    }

    private Campaign load(List<RepoLine> lines) throws IOException {
        Path file = dir.resolve("campaign.json");
        Map<String, RollupRow> earlier = new LinkedHashMap<>();
        String created = Instant.now().toString();
        if (Files.isRegularFile(file)) {
            Campaign old = Json.read(file, Campaign.class);
            old.repos().forEach(row -> earlier.put(row.name() + "\u0000" + row.source(), row));
            created = old.createdAt();
        }
        List<RollupRow> rows = new ArrayList<>();
        for (RepoLine line : lines) {
            RollupRow old = earlier.get(line.name() + "\u0000" + line.source());
            rows.add(old != null ? (old.finished() ? old : old.withState("pending"))
                    : RollupRow.pending(line, RunStore.checkRunId("batch-" + line.name())));
        }
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        return new Campaign(1, name, workflow, created, created, rows, Campaign.Totals.of(rows)).with(rows, Instant.now().toString());
    }

    private List<String> runArgs(RepoLine repo, String workflowArg, PublishRequest publish) {
        List<String> args = new ArrayList<>(List.of("--workflow", workflowArg, "--gates", "none", "--step-timeout", stepTimeout));
        String test = repo.validate() != null ? repo.validate() : validate;
        if (test != null) {
            args.addAll(List.of("--validate", test));
        }
        if (publish != null) {
            args.addAll(List.of("--push", publish.remote()));
            if (publish.pullRequest()) {
                args.add("--pull-request");
            }
            addIf(args, "--forge", publish.forge());
            addIf(args, "--forge-url", publish.forgeUrl());
            addIf(args, "--forge-repo", publish.forgeRepo());
            addIf(args, "--token-env", publish.tokenEnv());
            addIf(args, "--pr-base", publish.base());
            addIf(args, "--report-url", publish.reportUrl());
            publish.labels().forEach(label -> args.addAll(List.of("--label", label)));
        }
        return args;
    }

    private static void addIf(List<String> args, String flag, String value) {
        if (value != null) {
            args.addAll(List.of(flag, value));
        }
    }

    private int report(Campaign campaign, ProgressLines progress) throws IOException {
        Campaign.Totals t = campaign.totals();
        int exit = t.failed() + t.other() > 0 || t.finished() < t.repos() ? ExitCodes.FAILED
                : t.escalated() > 0 ? ExitCodes.ESCALATED : ExitCodes.DONE;
        progress.progress("batch: " + t.done() + " done, " + t.escalated() + " escalated, " + t.failed() + " failed, "
                + t.other() + " other of " + t.repos() + "; " + t.pullRequests() + " pull request(s); rollup: "
                + dir.toAbsolutePath().resolve("rollup.html"));
        var out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("campaignDir", dir.toAbsolutePath().toString());
            fields.put("exitCode", exit);
            fields.put("totals", t);
            fields.put("repos", campaign.repos().stream().map(r -> {
                Map<String, Object> repo = new LinkedHashMap<>();
                repo.put("name", r.name());
                repo.put("outcome", r.outcome());
                repo.put("exitCode", r.exitCode());
                repo.put("pullRequest", r.pullRequest());
                return repo;
            }).toList());
            fields.put("campaignJson", dir.toAbsolutePath().resolve("campaign.json").toString());
            fields.put("rollupMd", dir.toAbsolutePath().resolve("ROLLUP.md").toString());
            fields.put("rollupHtml", dir.toAbsolutePath().resolve("rollup.html").toString());
            out.println(Json.MAPPER.writeValueAsString(fields));
        } else {
            campaign.repos().forEach(r -> out.println(String.format("  %-24s %s", r.name(), RollupRowText.outcome(r))));
            out.println("Rollup: " + dir.toAbsolutePath().resolve("rollup.html"));
        }
        out.flush();
        return exit;
    }

}
