package dev.orchestra.bench;

import dev.orchestra.engine.context.AgentContext;
import dev.orchestra.engine.context.TokenEstimate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Prompt tokens of a code-writer step's {@link AgentContext} against a naive prompt holding every
 * file of the repository: {@code java -jar orchestra-bench.jar context [FILES] [MAP_BUDGET] [SEED]}.
 */
public final class ContextBenchmark {
    private static final String ACCEPTANCE = "The service rejects blank names with IllegalArgumentException,"
            + " and the existing tests still pass.";

    private ContextBenchmark() {}

    public static void main(String[] args) throws Exception {
        int fileCount = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        int mapBudget = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        Path repo = Files.createTempDirectory("orchestra-bench-context");
        List<String> javaFiles = generate(repo, fileCount, seed);
        int naive = TokenEstimate.of(naivePrompt(repo));
        System.out.println("# context benchmark\n");
        System.out.println(MachineInfo.describe() + "  ");
        System.out.printf("Repository: %d generated Java files plus README.md, pom.xml and AGENTS.md, committed with JGit"
                + " (seed %d). Repository map budget: %d tokens. Tokens are TokenEstimate (chars / 4).%n%n",
                javaFiles.size(), seed, mapBudget);
        System.out.println("| case | focus files | context tokens | whole-repository tokens | ratio | build time |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        Random random = new Random(seed);
        double sum = 0;
        int cases = 12;
        for (int c = 1; c <= cases; c++) {
            List<String> focus = focus(javaFiles, random, c);
            long started = System.nanoTime();
            int tokens = TokenEstimate.of(AgentContext.build(repo, focus, ACCEPTANCE, mapBudget).render());
            double ms = (System.nanoTime() - started) / 1e6;
            double ratio = 100.0 * tokens / naive;
            sum += ratio;
            System.out.printf("| %d | %s | %d | %d | %.1f%% | %.0f ms |%n",
                    c, String.join(", ", focus.stream().map(ContextBenchmark::shortName).toList()), tokens, naive, ratio, ms);
        }
        TempFolder.delete(repo);
        double mean = sum / cases;
        System.out.printf("%nMean ratio: %.1f%% (target <= 10%%: %s).%n", mean, mean <= 10 ? "met" : "**missed**");
        System.out.println("\nMost of a context is the repository map, capped by its budget; the ratio therefore falls as"
                + " the repository grows, and is higher on small repositories (where the whole repository is cheap anyway).");
    }

    private static List<String> generate(Path repo, int count, long seed) throws Exception {
        SyntheticJava generator = new SyntheticJava(seed);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] name = generator.nameFor(i);
            String collaborator = i > 0 && i % 3 != 0 ? generator.nameFor(i - 1)[1] : null;
            String pkg = i > 0 && i % 3 != 0 && !generator.nameFor(i - 1)[0].equals(name[0]) ? null : name[0];
            String source = generator.source(name[0], name[1], pkg == null ? null : collaborator);
            String path = "src/main/java/" + name[0].replace('.', '/') + "/" + name[1] + ".java";
            write(repo, path, source);
            paths.add(path);
        }
        write(repo, "README.md", "# Acme services\n\nBuild with ./mvnw -B package.\n");
        write(repo, "AGENTS.md", "Use four-space indentation. Never log customer names.\n");
        write(repo, "pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId>"
                + "<artifactId>services</artifactId><version>1.0</version></project>\n");
        PersonIdent author = new PersonIdent("Bench", "bench@orchestra.invalid");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("generated").setAuthor(author).setCommitter(author).setSign(false).call();
        }
        return paths;
    }

    /** One to three existing focus files; every fourth case also names a file to be created. */
    private static List<String> focus(List<String> files, Random random, int c) {
        List<String> focus = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        while (focus.size() < count) {
            String file = files.get(random.nextInt(files.size()));
            if (!focus.contains(file)) {
                focus.add(file);
            }
        }
        if (c % 4 == 0) {
            focus.add(focus.get(0).replace(".java", "Validator.java"));
        }
        return focus;
    }

    private static String naivePrompt(Path repo) throws Exception {
        StringBuilder out = new StringBuilder(ACCEPTANCE).append('\n');
        try (var files = Files.walk(repo)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.git/")).sorted().toList()) {
                out.append("--- ").append(repo.relativize(file)).append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    private static void write(Path repo, String path, String content) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String shortName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
