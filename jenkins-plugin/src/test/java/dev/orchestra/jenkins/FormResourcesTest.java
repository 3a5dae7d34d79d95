package dev.orchestra.jenkins;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/** The Snippet Generator and the global configuration page offer every parameter, each with its help. */
class FormResourcesTest {
    private static List<String> fields(Class<?> type) {
        List<String> fields = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                String name = method.getName().substring(3);
                fields.add(name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1));
            }
        }
        return fields;
    }

    private static String read(Class<?> type, String name) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + "/" + name)) {
            assertNotNull(in, type.getSimpleName() + "/" + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyStepParameterIsInTheSnippetGeneratorWithItsHelp() throws IOException {
        List<String> fields = fields(OrchestrateStep.class);
        fields.add("phase");
        assertTrue(fields.containsAll(List.of("task", "taskFile", "workflow", "model", "credentialsId", "baseUrl",
                "maxFixIterations", "maxTokens", "maxCost", "maxModelCalls", "maxMinutes", "runId", "junitResults",
                "plan", "gate", "approvedBy")));
        String config = read(OrchestrateStep.class, "config.jelly");
        for (String field : fields) {
            assertTrue(config.contains("field=\"" + field + "\""), field + " is not in config.jelly");
            assertFalse(read(OrchestrateStep.class, "help-" + field + ".html").isBlank());
        }
    }

    @Test
    void everyGlobalSettingIsOnTheConfigurationPageWithItsHelp() throws IOException {
        String config = read(OrchestraConfiguration.class, "config.jelly");
        for (String field : fields(OrchestraConfiguration.class)) {
            assertTrue(config.contains("field=\"" + field + "\""), field + " is not in config.jelly");
            assertFalse(read(OrchestraConfiguration.class, "help-" + field + ".html").isBlank());
        }
    }

    @Test
    void theBuildPageSummaryHasNoScriptsAndNoInlineStyles() throws IOException {
        String summary = read(OrchestraRunAction.class, "summary.jelly");
        assertFalse(summary.contains("<script"));
        assertFalse(summary.contains("style="));
        assertTrue(summary.contains("escape-by-default='true'"));
    }
}
