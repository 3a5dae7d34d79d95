package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.campaign.BundleRows;
import dev.orchestra.engine.campaign.Campaign;
import dev.orchestra.engine.campaign.RollupRow;
import dev.orchestra.engine.campaign.RollupWriter;
import dev.orchestra.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orchestra rollup}: the campaign rollup written from run bundles (e.g. a Pipeline's parallel branches). */
@Command(name = "rollup", mixinStandardHelpOptions = true,
        description = "Write campaign.json, ROLLUP.md and rollup.html from the run bundles found under the folders given"
                + " (bundles, run folders, repositories or archived artifacts).",
        footer = {"", "Exit codes: 0 written; 2 bad input (no bundle found, an output folder that is not one), nothing written."})
final class RollupCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Folders to look for bundles in.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the rollup is written (default: the current folder).")
    Path out = Path.of(".");

    @Option(names = "--name", paramLabel = "NAME", description = "The campaign's name (default: the output folder's).")
    String name;

    @Option(names = "--workflow", paramLabel = "NAME", description = "The workflow the runs ran, shown in the rollup.")
    String workflow;

    @picocli.CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + ": not a folder");
        }
        List<Path> bundles = BundleRows.find(dirs);
        List<RollupRow> rows = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path bundle : bundles) {
            String base = BundleRows.nameOf(bundle);
            String unique = base;
            for (int n = 2; !names.add(unique); n++) {
                unique = base + "-" + n;
            }
            rows.add(BundleRows.read(bundle, unique, bundle.toString()));
        }
        String now = Instant.now().toString();
        String campaignName = name != null ? name : out.toAbsolutePath().normalize().getFileName().toString();
        Campaign campaign = new Campaign(1, campaignName, workflow, now, now, rows, Campaign.Totals.of(rows));
        Files.createDirectories(out);
        RollupWriter.write(out, campaign);
        var stdout = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("bundles", bundles.size());
            fields.put("totals", campaign.totals());
            fields.put("campaignJson", out.toAbsolutePath().resolve("campaign.json").toString());
            fields.put("rollupMd", out.toAbsolutePath().resolve("ROLLUP.md").toString());
            fields.put("rollupHtml", out.toAbsolutePath().resolve("rollup.html").toString());
            stdout.println(Json.MAPPER.writeValueAsString(fields));
        } else {
            stdout.println("Rollup of " + bundles.size() + " bundle(s): " + out.toAbsolutePath().resolve("rollup.html"));
        }
        stdout.flush();
        return ExitCodes.DONE;
    }
}
