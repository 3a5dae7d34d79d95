package dev.orchestra.engine.agent;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of a step's {@code with:} parameters; anything ill-typed is a one-line BadInputException. */
final class StepParams {

    private final String context;
    private final Map<String, Object> values;

    StepParams(Step step) {
        this.context = "step '" + step.id() + "' (" + step.agent() + ")";
        this.values = step.with();
    }

    String requiredString(String name) {
        return string(name).orElseThrow(() -> bad("missing required parameter '" + name + "'"));
    }

    Optional<String> string(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)
                || value.toString().isBlank()) {
            throw bad("parameter '" + name + "' must be a non-empty text");
        }
        return Optional.of(value.toString());
    }

    /** A yes/no parameter ({@code true} or {@code false}); false when absent. */
    boolean flag(String name) {
        Object value = values.get(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
            return text.equals("true");
        }
        throw bad("parameter '" + name + "' must be true or false, not '" + value + "'");
    }

    /** A list of texts; a single text counts as a list of one. */
    List<String> strings(String name, boolean required) {
        Object value = values.get(name);
        if (value == null || (value instanceof List<?> l && l.isEmpty())) {
            if (required) {
                throw bad("missing required parameter '" + name + "' (a list)");
            }
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<String> result = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s) || s.isBlank()) {
                throw bad("parameter '" + name + "' must be a list of non-empty texts");
            }
            result.add(s.trim());
        }
        return result;
    }

    Map<String, String> map(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw bad("parameter '" + name + "' must be a map of names to values");
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof Map || v instanceof List || v == null) {
                throw bad("parameter '" + name + "." + k + "' must be a single value");
            }
            result.put(String.valueOf(k), String.valueOf(v));
        });
        return result;
    }

    /** A duration written like {@code 30s}, {@code 10m}, {@code 1h} or {@code 1h30m}. */
    Optional<Duration> duration(String name) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Durations.parse(text.get()).orElseThrow(() -> bad("parameter '" + name
                + "' must be a duration like 30s, 10m or 1h, not '" + text.get() + "'")));
    }

    BadInputException bad(String problem) {
        return new BadInputException(context + ": " + problem);
    }

}
