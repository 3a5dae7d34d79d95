package dev.orchestra.engine.plan;

import dev.orchestra.engine.plan.AgentCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules every plan must follow before it is used, wherever it came from: a name, at least one step,
 * unique well-formed ids, known agents with the parameters they need, needs naming earlier-or-later steps
 * but never forming a cycle, and scope globs that stay inside the repository.
 */
public final class PlanValidator {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private PlanValidator() {}

    /** What is wrong with the plan, one readable line each; empty when it can be used. */
    public static List<String> problems(Plan plan, AgentCatalog catalog) {
        List<String> lines = new ArrayList<>();
        for (PlanProblem problem : check(plan, catalog)) {
            lines.add(problem.related() < 0 ? problem.message()
                    : problem.message() + ", first used by step " + (problem.related() + 1));
        }
        return lines;
    }

    /** The same problems, located by step index and key. */
    public static List<PlanProblem> check(Plan plan, AgentCatalog catalog) {
        List<PlanProblem> problems = new ArrayList<>();
        if (plan.name() == null || plan.name().isBlank()) {
            problems.add(new PlanProblem(-1, "name", "the plan has no name"));
        }
        if (plan.steps().isEmpty()) {
            problems.add(new PlanProblem(-1, "steps", "the plan has no steps"));
        }
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            checkStep(i, plan.steps().get(i), catalog, firstIndex, problems);
        }
        for (int i = 0; i < plan.steps().size(); i++) {
            checkNeeds(i, plan.steps().get(i), firstIndex, problems);
        }
        checkCycle(plan.steps(), problems);
        return problems;
    }

    private static void checkStep(int index, Step step, AgentCatalog catalog, Map<String, Integer> firstIndex,
                                  List<PlanProblem> problems) {
        String label = label(index, step);
        if (step.id() == null || step.id().isBlank()) {
            problems.add(new PlanProblem(index, "", "step " + (index + 1) + " has no id"));
        } else if (!ID.matcher(step.id()).matches()) {
            problems.add(new PlanProblem(index, "id", "step id '" + step.id()
                    + "' may only use letters, digits, '-' and '_'"));
        } else if (firstIndex.containsKey(step.id())) {
            problems.add(new PlanProblem(index, "id", "duplicate step id '" + step.id() + "'",
                    firstIndex.get(step.id())));
        } else {
            firstIndex.put(step.id(), index);
        }
        checkAgent(index, step, label, catalog, problems);
        for (int g = 0; g < step.scope().size(); g++) {
            String trouble = scopeTrouble(step.scope().get(g));
            if (trouble != null) {
                problems.add(new PlanProblem(index, "scope." + g,
                        label + ": scope glob '" + step.scope().get(g) + "' " + trouble));
            }
        }
        for (int e = 0; e < step.env().size(); e++) {
            if (!VARIABLE.matcher(step.env().get(e)).matches()) {
                problems.add(new PlanProblem(index, "env." + e, label + ": env lists variable names (like NPM_TOKEN),"
                        + " not values; item " + (e + 1) + " is not a name"));
            }
        }
    }

    private static void checkAgent(int index, Step step, String label, AgentCatalog catalog,
                                   List<PlanProblem> problems) {
        String known = String.join(", ", new TreeSet<>(catalog.names()));
        if (step.agent() == null || step.agent().isBlank()) {
            problems.add(new PlanProblem(index, "", label + " has no agent; known agents: " + known));
        } else if (!catalog.names().contains(step.agent())) {
            problems.add(new PlanProblem(index, "agent", label + ": unknown agent '" + step.agent()
                    + "'; known agents: " + known));
        } else {
            for (String problem : catalog.problems(step)) {
                problems.add(new PlanProblem(index, "", label + " (agent " + step.agent() + "): " + problem));
            }
        }
    }

    private static void checkNeeds(int index, Step step, Map<String, Integer> ids, List<PlanProblem> problems) {
        for (int n = 0; n < step.needs().size(); n++) {
            String need = step.needs().get(n);
            if (!ids.containsKey(need)) {
                problems.add(new PlanProblem(index, "needs." + n, label(index, step)
                        + " needs unknown step '" + need + "'; steps are: " + String.join(", ", ids.keySet())));
            }
        }
    }

    private static void checkCycle(List<Step> steps, List<PlanProblem> problems) {
        List<String> cycle = StepOrder.cycle(steps);
        if (!cycle.isEmpty()) {
            int first = steps.stream().map(Step::id).toList().indexOf(cycle.get(0));
            problems.add(new PlanProblem(first, "needs", "dependency cycle: " + String.join(" -> ", cycle)
                    + " (each step needs the next, so none can start)"));
        }
    }

    /** Why a scope glob is refused, or null when it is fine. */
    static String scopeTrouble(String glob) {
        if (glob == null || glob.isBlank()) {
            return "is empty";
        }
        if (glob.startsWith("/") || glob.startsWith("\\") || glob.matches("^[A-Za-z]:.*") || glob.startsWith("~")) {
            return "is absolute; write it relative to the repository root";
        }
        for (String segment : glob.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return "leaves the repository ('..'); write it relative to the repository root";
            }
        }
        return null;
    }

    private static String label(int index, Step step) {
        return step.id() == null || step.id().isBlank() ? "step " + (index + 1) : "step '" + step.id() + "'";
    }
}
