package dev.orchestra.engine.workflow;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.plan.AgentCatalog;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.PlanProblem;
import dev.orchestra.engine.plan.PlanValidator;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.plan.StepOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a workflow file (YAML: {@code name}, {@code description}, {@code steps}) into a validated
 * {@link Plan} whose steps are in a valid order; anything wrong is a {@link BadInputException} naming
 * the file and line.
 */
public final class WorkflowLoader {
    private final AgentCatalog catalog;

    public WorkflowLoader(AgentCatalog catalog) {
        this.catalog = catalog;
    }

    /** Loads a workflow file. */
    public Plan load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such workflow file", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the workflow: " + e.getMessage(), e);
        }
        return load(text, file.toString(), 0);
    }

    /**
     * Loads workflow text. Lines in errors are {@code lineOffset} plus the line in {@code text}, so a
     * block embedded in a larger file (a {@code plan.md}) reports lines of that file.
     */
    public Plan load(String text, String sourceName, int lineOffset) {
        YamlSource yaml = new YamlSource(sourceName, lineOffset);
        Node root = yaml.parse(text);
        if (root == null) {
            throw new BadInputException(yaml.at(yaml.firstLine())
                    + "the workflow is empty; it needs 'name' and 'steps'");
        }
        if (!(root instanceof MappingNode mapping)) {
            throw yaml.error(root, "a workflow is a mapping with 'name', 'description' and 'steps', not "
                    + YamlSource.kind(root));
        }
        SourceLines lines = new SourceLines(yaml.line(root));
        Plan plan = readPlan(mapping, yaml, lines);
        List<PlanProblem> problems = new ArrayList<>(PlanValidator.check(plan, catalog));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(lines::of));
            throw new BadInputException(yaml.at(lines.of(problems.get(0))) + describe(problems.get(0), lines));
        }
        return StepOrder.sorted(plan);
    }

    private Plan readPlan(MappingNode mapping, YamlSource yaml, SourceLines lines) {
        Map<String, NodeTuple> entries = yaml.entries(mapping, "the workflow");
        WorkflowKeys.check(entries, WorkflowKeys.WORKFLOW, "the workflow", yaml);
        entries.forEach((key, tuple) -> lines.workflow().put(key, yaml.line(tuple.getKeyNode())));
        for (String required : List.of("name", "steps")) {
            if (!entries.containsKey(required)) {
                throw yaml.error(mapping, "the workflow has no '" + required + "'");
            }
        }
        String name = yaml.text(entries.get("name").getValueNode(), "name");
        NodeTuple description = entries.get("description");
        return new Plan(name, description == null ? "" : yaml.text(description.getValueNode(), "description"),
                readSteps(entries.get("steps").getValueNode(), yaml, lines));
    }

    private List<Step> readSteps(Node node, YamlSource yaml, SourceLines lines) {
        if (node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw yaml.error(node, "'steps' must be a list of steps, not " + YamlSource.kind(node));
        }
        List<Step> steps = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode step)) {
                throw yaml.error(item, "each step must be a mapping with 'id' and 'agent', not "
                        + YamlSource.kind(item));
            }
            steps.add(StepReader.read(step, yaml, lines.nextStep()));
        }
        return steps;
    }

    private static String describe(PlanProblem problem, SourceLines lines) {
        return problem.related() < 0 ? problem.message()
                : problem.message() + ", first at line " + lines.ofStepId(problem.related());
    }
}
