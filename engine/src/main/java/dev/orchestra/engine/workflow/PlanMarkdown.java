package dev.orchestra.engine.workflow;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.output.MarkdownText;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The {@code plan.md} shown at the plan gate: a readable list of the steps for humans, then the plan in
 * the workflow format in one fenced {@code yaml} block, which is the only part read back after an edit. The task,
 * the description and the instructions may come from a ticket or a model: they are fenced, never pasted.
 */
public final class PlanMarkdown {
    /** The heading above the block that is read back. */
    public static final String EDIT_HEADING = "## Edit the plan below";

    private PlanMarkdown() {}

    /** The plan.md text for a plan and the task it serves (the task may be empty). */
    public static String render(Plan plan, String task) {
        StringBuilder md = new StringBuilder("# Plan: ").append(plan.name()).append("\n\n");
        if (!plan.description().isBlank()) {
            md.append(MarkdownText.block(plan.description().strip())).append("\n");
        }
        md.append("## Task\n\n").append(quote(task)).append("\n## Steps\n\n");
        for (int i = 0; i < plan.steps().size(); i++) {
            step(md, i + 1, plan.steps().get(i));
        }
        md.append("\n").append(EDIT_HEADING).append("\n\n")
                .append("To change the plan, edit the YAML block below, then approve: remove, add or reorder steps,\n")
                .append("change their instructions, scope, needs or parameters. Only this block is read back (the list\n")
                .append("above is not); it uses the workflow format of docs/workflows.md. Keep exactly one yaml block.\n\n")
                .append(yamlBlock(WorkflowWriter.write(plan)));
        return md.toString();
    }

    /** The YAML in a fence longer than any backtick run in it, so that no value can close it early. */
    private static String yamlBlock(String yaml) {
        String fence = "`".repeat(Math.max(3, MarkdownText.longestRun(yaml, '`') + 1));
        return fence + "yaml\n" + yaml + fence + "\n";
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

    /**
     * Start and end line indexes of each {@code ```yaml} fence; other fences are skipped whole. A fence is closed
     * by a line of the same character, at least as long, as in CommonMark.
     */
    private static List<int[]> yamlBlocks(List<String> lines, String sourceName) {
        List<int[]> blocks = new ArrayList<>();
        int open = -1;
        String fence = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (open < 0 && (line.startsWith("```") || line.startsWith("~~~"))) {
                open = i;
                fence = line.substring(0, fenceLength(line));
            } else if (open >= 0 && closes(line, fence)) {
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

    private static boolean closes(String line, String fence) {
        return line.startsWith(fence) && fenceLength(line) == line.length();
    }

    private static int fenceLength(String line) {
        int length = 0;
        while (length < line.length() && line.charAt(length) == line.charAt(0)) {
            length++;
        }
        return length;
    }

    private static boolean isYaml(String fence) {
        String info = fence.substring(fenceLength(fence)).strip();
        return info.equals("yaml") || info.equals("yml");
    }

    private static String quote(String task) {
        if (task == null || task.isBlank()) {
            return "_No task text: the plan runs as written._\n";
        }
        return MarkdownText.block(task.strip());
    }

    private static void step(StringBuilder md, int number, Step step) {
        md.append(number).append(". **").append(step.id()).append("** with agent `").append(step.agent()).append("`");
        md.append(step.needs().isEmpty() ? "\n" : ", after " + String.join(", ", step.needs()) + "\n");
        if (!step.instructions().isBlank()) {
            md.append(MarkdownText.block(step.instructions().strip(), "   "));
        }
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
            md.append("   - Acceptance: ").append(MarkdownText.inline(step.acceptance().strip())).append("\n");
        }
    }

    private static String value(Object value) {
        return value instanceof List<?> list ? code(list) : MarkdownText.code(String.valueOf(value));
    }

    private static String code(List<?> items) {
        return String.join(", ", items.stream().map(i -> MarkdownText.code(String.valueOf(i))).toList());
    }
}
