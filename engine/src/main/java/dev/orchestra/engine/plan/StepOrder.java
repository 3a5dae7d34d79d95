package dev.orchestra.engine.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders a plan's steps so that each comes after the steps it needs, keeping the given order where it can. */
public final class StepOrder {
    private StepOrder() {}

    /**
     * The steps in a valid topological order: repeatedly the first step (in the given order) whose needs
     * are all placed. Needs naming no step are ignored; steps caught in a cycle keep their order at the end.
     */
    public static List<Step> sorted(List<Step> steps) {
        Set<String> ids = new LinkedHashSet<>();
        steps.forEach(s -> ids.add(s.id()));
        List<Step> remaining = new ArrayList<>(steps);
        List<Step> sorted = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        boolean progress = true;
        while (!remaining.isEmpty() && progress) {
            progress = false;
            for (Step step : remaining) {
                if (step.needs().stream().allMatch(n -> placed.contains(n) || !ids.contains(n))) {
                    sorted.add(step);
                    placed.add(step.id());
                    remaining.remove(step);
                    progress = true;
                    break;
                }
            }
        }
        sorted.addAll(remaining);
        return sorted;
    }

    /** The plan with its steps in a valid topological order. */
    public static Plan sorted(Plan plan) {
        return new Plan(plan.name(), plan.description(), sorted(plan.steps()));
    }

    /**
     * One dependency cycle as step ids, starting and ending with the cycle's first step in the given
     * order (e.g. {@code [a, b, a]}), or an empty list when there is none.
     */
    public static List<String> cycle(List<Step> steps) {
        Map<String, Step> byId = new HashMap<>();
        steps.forEach(s -> byId.putIfAbsent(s.id(), s));
        Map<String, Integer> state = new HashMap<>();
        for (Step step : steps) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(step.id(), byId, state, path);
            if (!found.isEmpty()) {
                return startAtFirst(found, steps);
            }
        }
        return List.of();
    }

    private static List<String> visit(String id, Map<String, Step> byId, Map<String, Integer> state,
                                      List<String> path) {
        int seen = state.getOrDefault(id, 0);
        if (seen == 2 || !byId.containsKey(id)) {
            return List.of();
        }
        if (seen == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return cycle;
        }
        state.put(id, 1);
        path.add(id);
        for (String need : byId.get(id).needs()) {
            List<String> found = visit(need, byId, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        return List.of();
    }

    private static List<String> startAtFirst(List<String> cycle, List<Step> steps) {
        List<String> members = cycle.subList(0, cycle.size() - 1);
        String first = steps.stream().map(Step::id).filter(members::contains).findFirst().orElseThrow();
        int start = members.indexOf(first);
        List<String> rotated = new ArrayList<>(members.subList(start, members.size()));
        rotated.addAll(members.subList(0, start));
        rotated.add(first);
        return rotated;
    }
}
