package dev.orchestra.engine.campaign;

import dev.orchestra.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a campaign's rollup into its folder: {@code campaign.json}, {@code ROLLUP.md}, and {@code rollup.html} with
 * {@code rollup.css} (static: no scripts, no inline styles, so it shows under Jenkins' artifact Content-Security-Policy).
 * Each file is replaced atomically.
 */
public final class RollupWriter {
    private RollupWriter() {}

    public static void write(Path dir, Campaign campaign) throws IOException {
        Json.write(dir.resolve("campaign.json"), campaign);
        Json.writeAtomically(dir.resolve("ROLLUP.md"), RollupMarkdown.render(campaign).getBytes(StandardCharsets.UTF_8));
        Json.writeAtomically(dir.resolve("rollup.html"), RollupHtml.render(campaign).getBytes(StandardCharsets.UTF_8));
        try (InputStream css = RollupWriter.class.getResourceAsStream("/dev/orchestra/engine/campaign/rollup.css")) {
            Json.writeAtomically(dir.resolve("rollup.css"), css.readAllBytes());
        }
    }
}
