package dev.orchestra.jenkins;

import java.util.ResourceBundle;

/** The plugin's texts for people, from {@code Messages.properties} (translations go next to it). */
final class StepTexts {
    private StepTexts() {}

    static String get(String key) {
        return ResourceBundle.getBundle("dev.orchestra.jenkins.Messages").getString(key);
    }
}
