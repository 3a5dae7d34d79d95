package dev.orchestra.engine.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditFeedbackTest {
    @TempDir Path repo;

    @Test
    void tellsTheAgentWhichEditFailedWhatTheFileReallySaysAndThatNothingChanged() throws IOException {
        Files.writeString(repo.resolve("App.java"), "class App {\n    int count = 0;\n}\n");
        EditOutcome outcome = new EditApplier().apply(repo, List.of(
                new Edit("App.java", "class App {", "final class App {"),
                new Edit("App.java", "int counter = 0;", "int counter = 1;")));

        assertThat(EditFeedback.describe(outcome.failures())).isEqualTo("""
                1 edit did not apply, so no file was changed. Send the whole list of edits again, corrected.

                Edit 2 (App.java): search text not found. Copy the search text exactly from the current file.
                The most similar lines in the file (line numbers are not part of the text):
                2|     int count = 0;
                """);
    }

    @Test
    void asksForMoreContextWhenASearchTextIsAmbiguous() {
        String text = EditFeedback.describe(new EditFailure(0, "A.java", "search text matches 2 places (lines 3, 7)", ""));
        assertThat(text).isEqualTo("Edit 1 (A.java): search text matches 2 places (lines 3, 7)."
                + " Add neighbouring lines to the search text so that it matches one place only.");
    }
}
