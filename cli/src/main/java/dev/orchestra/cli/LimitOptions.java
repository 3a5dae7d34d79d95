package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.budget.Budget;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The policy and budget flags of {@code orchestra run}. Budgets fail closed: the run stops and exits 3. */
public final class LimitOptions {
    @Option(names = "--write-scope", paramLabel = "GLOB", description = "Where agents may write (repeatable; default: anywhere not protected).")
    List<String> writeScope = List.of();

    @Option(names = "--allow-protected", paramLabel = "GLOB",
            description = "Let agents change a protected path (Jenkinsfile*, .ci/**, .github/**, .gitlab-ci.yml, .orchestra/**); repeatable.")
    List<String> allowProtected = List.of();

    @Option(names = "--pass-env", paramLabel = "NAME",
            description = "Give agents this environment variable when their step names it (env:); repeatable. Agents get only harmless variables otherwise.")
    List<String> passEnv = List.of();

    @Option(names = "--max-tokens", paramLabel = "N", description = "Stop after this many model tokens (input and output).")
    Long maxTokens;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Stop after this much model cost, in US dollars.")
    Double maxCost;

    @Option(names = "--max-model-calls", paramLabel = "N", description = "Stop after this many model calls.")
    Integer maxModelCalls;

    @Option(names = "--max-minutes", paramLabel = "N", description = "Stop after this many minutes of work (time waiting at gates does not count).")
    Long maxMinutes;

    /** The run's limits; a limit that is not a positive finite number is bad input. */
    Budget budget() {
        if (maxMinutes != null && (maxMinutes <= 0 || maxMinutes > MAX_MINUTES)) {
            throw new BadInputException("--max-minutes must be a positive number up to " + MAX_MINUTES + ", not " + maxMinutes);
        }
        return new Budget(maxTokens, maxCost, maxModelCalls, maxMinutes == null ? null : Duration.ofMinutes(maxMinutes),
                null);
    }

    /** A year: a longer limit is a typo. */
    static final long MAX_MINUTES = 366L * 24 * 60;
}
