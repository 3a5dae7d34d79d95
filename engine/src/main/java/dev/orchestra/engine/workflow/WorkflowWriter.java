package dev.orchestra.engine.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.orchestra.engine.plan.Plan;
import dev.orchestra.engine.plan.Step;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a plan in the workflow format, so that {@link WorkflowLoader} reads it back as an equal plan. */
public final class WorkflowWriter {
    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private WorkflowWriter() {}

    /** The plan as workflow YAML; empty optional keys are left out. */
    public static String write(Plan plan) {
        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("name", plan.name());
        putIfPresent(workflow, "description", plan.description());
        List<Object> steps = new ArrayList<>();
        plan.steps().forEach(step -> steps.add(step(step)));
        workflow.put("steps", steps);
        try {
            return MAPPER.writeValueAsString(workflow);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> step(Step step) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", step.id());
        map.put("agent", step.agent());
        putIfPresent(map, "instructions", step.instructions());
        putIfPresent(map, "scope", step.scope());
        putIfPresent(map, "needs", step.needs());
        putIfPresent(map, "with", new TreeMap<>(step.with()));
        putIfPresent(map, "acceptance", step.acceptance());
        putIfPresent(map, "env", step.env());
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        boolean empty = value instanceof String text ? text.isEmpty()
                : value instanceof List<?> list ? list.isEmpty() : ((Map<?, ?>) value).isEmpty();
        if (!empty) {
            map.put(key, value);
        }
    }
}
