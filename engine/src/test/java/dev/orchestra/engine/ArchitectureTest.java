package dev.orchestra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine's shape, read from its sources: packages that depend downwards only, and one place that moves a run on. */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/orchestra/engine");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.orchestra\\.engine\\.([a-z]+)\\.[A-Z]");

    @Test
    void noTwoPackagesOfTheEngineDependOnEachOther() {
        Map<String, Set<String>> uses = packageUses();
        assertThat(uses).containsKeys("run", "state", "json", "model", "bundle", "agent", "plan", "workflow");

        assertThat(cycles(uses)).as("package cycles (each list depends on itself through its members)").isEmpty();
    }

    @Test
    void whatEveryPackageReadsHasNoRunPackageUnderneath() {
        Map<String, Set<String>> uses = packageUses();

        uses.forEach((pkg, used) -> {
            if (!pkg.equals("run")) {
                assertThat(used).as(pkg + " uses").doesNotContain("run");
            }
        });
        assertThat(uses.get("json")).as("the JSON helper stands on its own").isSubsetOf(Set.of("output"));
    }

    @Test
    void onlyTheOrchestratorAppliesAPhaseOutcomeToARun() throws IOException {
        Pattern applies = Pattern.compile("\\.(apply\\([^)]*(?:outcome|Outcome)|resumed\\(\\)|recordSpent\\()");
        List<String> callers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (applies.matcher(Files.readString(file)).find()) {
                    callers.add(SOURCES.relativize(file).toString().replace('\\', '/'));
                }
            }
        }

        assertThat(callers).containsExactly("run/Orchestrator.java");
    }

    /** Each package of the engine and the other packages of the engine its sources name. */
    private static Map<String, Set<String>> packageUses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the top package (BadInputException) names no other package
                }
                String pkg = relative.getName(0).toString();
                Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(Files.readString(file));
                while (reference.find()) {
                    if (!reference.group(1).equals(pkg)) {
                        used.add(reference.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** The strongly connected groups of more than one package (Tarjan's algorithm). */
    private static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> found = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, found);
            }
        }
        return found;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<List<String>> found) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, found);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> group = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                group.add(member);
            } while (!member.equals(node));
            if (group.size() > 1) {
                found.add(group);
            }
        }
    }
}
