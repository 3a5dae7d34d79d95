package dev.orchestra.engine.plan;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.workflow.WorkflowLoader;
import dev.orchestra.engine.workflow.WorkflowWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The {@code plan.md} shown at the plan gate: a readable list of the steps for humans, then the plan in
 * the workflow format in one fenced {@code yaml} block, which is the only part read back after an edit.
 */
public final class PlanMarkdown {
    /** The heading above the block that is read back. */
    public static final String EDIT_HEADING = "## Edit the plan below";

    private PlanMarkdown() {}

    /** The plan.md text for a plan and the task it serves (the task may be empty). */
    public static String render(Plan plan, String task) {
        StringBuilder md = new StringBuilder("# Plan: ").append(plan.name()).append("\n\n");
        if (!plan.description().isBlank()) {
            plan.description().strip().lines()
                    .forEach(l -> md.append(l.startsWith("```") ? "\\" + l : l).append("\n"));
            md.append("\n");
        }
        md.append("## Task\n\n").append(quote(task)).append("\n## Steps\n\n");
        for (int i = 0; i < plan.steps().size(); i++) {
            step(md, i + 1, plan.steps().get(i));
        }
        md.append("\n").append(EDIT_HEADING).append("\n\n")
                .append("To change the plan, edit the YAML block below, then approve: remove, add or reorder steps,\n")
                .append("change their instructions, scope, needs or parameters. Only this block is read back (the list\n")
                .append("above is not); it uses the workflow format of docs/workflows.md. Keep exactly one yaml block.\n\n")
                .append("```yaml\n").append(WorkflowWriter.write(plan)).append("```\n");
        return md.toString();
    }

    /** The plan in the markdown's single {@code yaml} block; errors name lines of the markdown file. */
    public static Plan parse(String markdown, String sourceName, WorkflowLoader loader) {
        List<String> lines = markdown.lines().toList();
        List<int[]> blocks = yamlBlocks(lines, sourceName);
        if (blocks.isEmpty()) {
            throw new BadInputException(sourceName + ":1: no ```yaml block found; the plan must be one fenced"
                    + " ```yaml block under \"" + EDIT_HEADING.substring(3) + "\"");
        }
        if (blocks.size() > 1) {
            throw new BadInputException(sourceName + ":" + (blocks.get(1)[0] + 1) + ": a second ```yaml block"
                    + " (the first starts at line " + (blocks.get(0)[0] + 1) + "); keep exactly one");
        }
        int open = blocks.get(0)[0];
        String yaml = String.join("\n", lines.subList(open + 1, blocks.get(0)[1])) + "\n";
        return loader.load(yaml, sourceName, open + 1);
    }

    /** Start and end line indexes of each {@code ```yaml} fence; other fences are skipped whole. */
    private static List<int[]> yamlBlocks(List<String> lines, String sourceName) {
        List<int[]> blocks = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (open < 0 && line.startsWith("```")) {
                open = i;
            } else if (open >= 0 && line.equals("```")) {
                if (isYaml(lines.get(open))) {
                    blocks.add(new int[] {open, i});
                }
                open = -1;
            }
        }
        if (open >= 0 && isYaml(lines.get(open))) {
            throw new BadInputException(sourceName + ":" + (open + 1) + ": the ```yaml block is never closed;"
                    + " end it with a line holding only ```");
        }
        return blocks;
    }

    private static boolean isYaml(String fence) {
        String info = fence.substring(3).strip();
        return info.equals("yaml") || info.equals("yml");
    }

    private static String quote(String task) {
        if (task == null || task.isBlank()) {
            return "_No task text: the plan runs as written._\n";
        }
        StringBuilder quoted = new StringBuilder();
        task.strip().lines().forEach(l -> quoted.append(l.isBlank() ? ">" : "> " + l).append("\n"));
        return quoted.toString();
    }

    private static void step(StringBuilder md, int number, Step step) {
        md.append(number).append(". **").append(step.id()).append("** with agent `").append(step.agent()).append("`");
        md.append(step.needs().isEmpty() ? "\n" : ", after " + String.join(", ", step.needs()) + "\n");
        step.instructions().strip().lines().forEach(l -> md.append(l.isBlank() ? "\n" : "   " + l + "\n"));
        md.append("   - Scope: ").append(step.scope().isEmpty() ? "the run's write scope" : code(step.scope()))
                .append("\n");
        if (!step.with().isEmpty()) {
            md.append("   - With:");
            new TreeMap<>(step.with()).forEach((k, v) -> md.append(" ").append(k).append(" ").append(value(v)).append(";"));
            md.setLength(md.length() - 1);
            md.append("\n");
        }
        if (!step.env().isEmpty()) {
            md.append("   - Environment: ").append(code(step.env())).append("\n");
        }
        if (!step.acceptance().isBlank()) {
            md.append("   - Acceptance: ").append(step.acceptance().strip().replace("\n", " ")).append("\n");
        }
    }

    private static String value(Object value) {
        return value instanceof List<?> list ? code(list) : "`" + value + "`";
    }

    private static String code(List<?> items) {
        return String.join(", ", items.stream().map(i -> "`" + i + "`").toList());
    }
}
