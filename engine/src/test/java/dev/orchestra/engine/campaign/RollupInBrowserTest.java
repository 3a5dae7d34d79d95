package dev.orchestra.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollup as a Jenkins user sees it: served with Jenkins' default artifact Content-Security-Policy and drawn by
 * headless Chromium. Skipped when no Chromium is installed ({@code ORCHESTRA_CHROMIUM} names one elsewhere).
 */
class RollupInBrowserTest {
    static final String JENKINS_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";

    @TempDir
    Path dir;

    @Test
    void theBarsAreDrawnInTheirColoursUnderTheArtifactPolicyWithNoViolation() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "no chromium on this machine");
        RollupWriter.write(dir, SampleCampaign.of("docs", "https://forge.example/acme/search/pull/9"));
        List<String> served = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring(1);
                served.add(name);
                Path file = dir.resolve(name).normalize();
                if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = Files.readAllBytes(file);
                exchange.getResponseHeaders().add("Content-Security-Policy", JENKINS_CSP);
                exchange.getResponseHeaders().add("Content-Type", name.endsWith(".css") ? "text/css" : "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
        Path shot = dir.resolve("shot.png");
        Path log = dir.resolve("chromium.log");
        try {
            Process browser = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                    "--window-size=1300,900", "--enable-logging=stderr", "--v=0", "--screenshot=" + shot,
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/rollup.html")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(browser.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        } finally {
            server.stop(0);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(shot).as(output).exists();
        assertThat(served).contains("rollup.html", "rollup.css");
        assertThat(output).doesNotContain("Refused to", "Content Security Policy");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(pixels(image, 0x1a7f37)).as("green: done, passing tests, lines added").isGreaterThan(500);
        assertThat(pixels(image, 0xcf222e)).as("red: failed, failing tests, lines removed").isGreaterThan(100);
        assertThat(pixels(image, 0xbf8700)).as("amber: escalated").isGreaterThan(100);
        assertThat(pixels(image, 0x0969da)).as("blue: time").isGreaterThan(100);
    }

    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (close(p >> 16 & 0xff, rgb >> 16 & 0xff) && close(p >> 8 & 0xff, rgb >> 8 & 0xff) && close(p & 0xff, rgb & 0xff)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean close(int a, int b) {
        return Math.abs(a - b) <= 6;
    }

    private static String chromium() {
        String given = System.getenv("ORCHESTRA_CHROMIUM");
        if (given != null && new File(given).canExecute()) {
            return given;
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                File candidate = new File(folder, name);
                if (candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        return null;
    }
}
