package dev.orchestra.bench.migrate;

import dev.orchestra.engine.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code migrate}: {@code LIST MIRRORS [--only owner/name]... [--work DIR] [--out FILE]
 * [--jar FILE] [--rounds N] [--no-warm-up] [--maven-at-top]}.
 */
record MigrateOptions(Path list, Path mirrors, List<String> only, Path work, Path out, Path jar, int rounds, boolean warmUp,
                      boolean mavenInBuildFolder) {
    static final String USAGE = "usage: migrate LIST.tsv MIRRORS [--only owner/name]... [--work DIR] "
            + "[--out FILE (default bench/results/migrate.md)] [--jar FILE (default cli/target/orchestra.jar)] "
            + "[--rounds N (default 1)] [--no-warm-up] [--maven-at-top]";

    static MigrateOptions parse(String... args) {
        List<String> positional = new ArrayList<>();
        List<String> only = new ArrayList<>();
        Path work = null;
        Path out = Path.of("bench/results/migrate.md");
        Path jar = Path.of("cli/target/orchestra.jar");
        int rounds = 1;
        boolean warmUp = true;
        boolean inBuildFolder = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only.add(value(args, ++i, "--only"));
                case "--work" -> work = Path.of(value(args, ++i, "--work"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--jar" -> jar = Path.of(value(args, ++i, "--jar"));
                case "--rounds" -> rounds = count(value(args, ++i, "--rounds"));
                case "--no-warm-up" -> warmUp = false;
                case "--maven-at-top" -> inBuildFolder = false;
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new BadInputException("unknown option " + args[i] + "; " + USAGE);
                    }
                    positional.add(args[i]);
                }
            }
        }
        return checked(new MigrateOptions(positional.size() > 0 ? Path.of(positional.get(0)) : null,
                positional.size() > 1 ? Path.of(positional.get(1)) : null, only, work, out, jar, rounds, warmUp, inBuildFolder),
                positional.size());
    }

    private static MigrateOptions checked(MigrateOptions options, int positional) {
        if (positional != 2) {
            throw new BadInputException("expected the repository list and the folder of bare repositories; " + USAGE);
        }
        if (!Files.isRegularFile(options.list())) {
            throw new BadInputException(options.list() + ": no such repository list");
        }
        if (!Files.isDirectory(options.mirrors())) {
            throw new BadInputException(options.mirrors() + ": no such folder of bare repositories");
        }
        if (!Files.isRegularFile(options.jar())) {
            throw new BadInputException(options.jar() + ": no Orchestra jar; build it first (./mvnw -B -q install -DskipTests)");
        }
        return options;
    }

    private static int count(String value) {
        if (!value.matches("[1-9][0-9]{0,2}")) {
            throw new BadInputException("--rounds " + value + ": expected a whole number from 1 to 999");
        }
        return Integer.parseInt(value);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new BadInputException(option + " needs a value; " + USAGE);
        }
        return args[i];
    }

    /** The bare repository of {@code repo}: {@code MIRRORS/owner+name/repo}, or {@code MIRRORS/owner+name} if that is one. */
    Path bareRepository(RepositoryCase repo) {
        Path folder = mirrors.resolve(repo.mirrorName());
        return Files.isRegularFile(folder.resolve("repo/HEAD")) ? folder.resolve("repo") : folder;
    }
}
