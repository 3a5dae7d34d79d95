package dev.orchestra.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.model.AnswerReader;
import dev.orchestra.engine.plan.AgentCatalog;
import dev.orchestra.engine.policy.PatchPolicy;
import dev.orchestra.engine.policy.Policy;
import dev.orchestra.engine.policy.Refusal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as the planner model wrote it (the JSON object the {@link AnswerReader} found), turned into a {@link Plan} and checked before use:
 * known agents, no cycle, files that exist (or are declared new and do not exist), an acceptance
 * check on every step, nothing protected. The problems go back to the model for a repair.
 */
final class PlanAnswer {
    private PlanAnswer() {}

    /**
     * The plan, or the problems that make it unusable; {@code refusals} are the problems that are policy refusals (a
     * path the patch policy would refuse), kept on record even when a repaired plan is used.
     */
    record Checked(Plan plan, String summary, List<String> problems, List<String> refusals) {}

    static Checked read(AnswerReader.Answer read, String name, Path repo, AgentCatalog catalog) {
        if (!read.readable()) {
            return problems(read.problem());
        }
        JsonNode root = read.json();
        if (!root.path("steps").isArray() || root.path("steps").isEmpty()) {
            return problems("the answer has no 'steps' list, or it is empty");
        }
        List<String> problems = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (JsonNode node : root.path("steps")) {
            Step step = step(node);
            steps.add(step);
            checkFiles(step, repo, problems, refusals);
            if (step.acceptance().isBlank()) {
                problems.add("step '" + step.id() + "' has no acceptance check");
            }
        }
        Plan plan = new Plan(name, root.path("summary").asText(""), steps);
        problems.addAll(0, PlanValidator.problems(plan, catalog));
        return new Checked(problems.isEmpty() ? StepOrder.sorted(plan) : plan, plan.description(), problems, refusals);
    }

    private static Step step(JsonNode node) {
        List<String> files = strings(node.path("files"));
        List<String> created = strings(node.path("new_files"));
        List<String> scope = new ArrayList<>(files);
        created.stream().filter(f -> !scope.contains(f)).forEach(scope::add);
        Map<String, Object> with = new LinkedHashMap<>();
        if (!files.isEmpty()) {
            with.put("files", files);
        }
        if (!created.isEmpty()) {
            with.put("new-files", created);
        }
        return new Step(node.path("id").asText(""), node.path("agent").asText(""), node.path("instructions").asText(""),
                scope, strings(node.path("needs")), with, node.path("acceptance").asText(""));
    }

    private static void checkFiles(Step step, Path repo, List<String> problems, List<String> refusals) {
        for (Object file : (List<?>) step.with().getOrDefault("files", List.of())) {
            String refused = refusal(file.toString());
            if (refused != null) {
                refusals.add("step '" + step.id() + "' names a path it may not change: " + refused);
                problems.add(refusals.get(refusals.size() - 1));
            } else if (!Files.isRegularFile(repo.resolve(file.toString()))) {
                problems.add("step '" + step.id() + "' names " + file + ", which does not exist (declare it in new_files to create it)");
            }
        }
        for (Object file : (List<?>) step.with().getOrDefault("new-files", List.of())) {
            String refused = refusal(file.toString());
            if (refused != null) {
                refusals.add("step '" + step.id() + "' names a path it may not create: " + refused);
                problems.add(refusals.get(refusals.size() - 1));
            } else if (Files.exists(repo.resolve(file.toString()))) {
                problems.add("step '" + step.id() + "' declares " + file + " as new, but it exists (list it in files)");
            }
        }
    }

    /** Why the patch policy would refuse a change to {@code path}, or null: a plan never names what could not land. */
    private static String refusal(String path) {
        List<Refusal> refusals = PatchPolicy.checkPath(path.replace('\\', '/'), Policy.defaults());
        return refusals.isEmpty() ? null : refusals.get(0).toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Checked problems(String problem) {
        return new Checked(null, "", List.of(problem), List.of());
    }
}
