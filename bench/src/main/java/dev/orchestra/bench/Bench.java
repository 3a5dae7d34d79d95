package dev.orchestra.bench;

import dev.orchestra.bench.migrate.MigrateBenchmark;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs one benchmark by name and prints its table: {@code java -jar orchestra-bench.jar NAME}. */
public final class Bench {
    private static final Map<String, String> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put("edits", EditsBenchmark.class.getName());
        BENCHMARKS.put("context", ContextBenchmark.class.getName());
        BENCHMARKS.put("parallel", ParallelBenchmark.class.getName());
        BENCHMARKS.put("migrate", MigrateBenchmark.class.getName());
    }

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !BENCHMARKS.containsKey(args[0])) {
            System.err.println("usage: java -jar orchestra-bench.jar NAME [ARGS...]; benchmarks: "
                    + String.join(", ", BENCHMARKS.keySet()));
            System.exit(2);
        }
        Class.forName(BENCHMARKS.get(args[0])).getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
