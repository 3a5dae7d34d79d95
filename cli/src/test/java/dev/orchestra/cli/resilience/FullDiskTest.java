package dev.orchestra.cli.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.cli.CliRunner;
import dev.orchestra.engine.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository on a small real file system (tmpfs) that fills up while the bundle is written: the
 * run fails cleanly, its state stays readable and resumable, and once there is room the same run
 * finishes with a whole bundle. Needs permission to mount a tmpfs (root, as on the build machines).
 */
class FullDiskTest {
    @TempDir
    Path temp;

    Path mount;

    @BeforeEach
    void mountSmallFileSystem() throws Exception {
        mount = Files.createDirectories(temp.resolve("small"));
        Assumptions.assumeTrue(sh("mount -t tmpfs -o size=1800k tmpfs " + mount) == 0, "cannot mount a tmpfs here");
    }

    @AfterEach
    void unmount() throws Exception {
        sh("umount " + mount);
    }

    @Test
    void aDiskThatFillsWhileTheBundleIsWrittenFailsCleanlyAndTheRunResumesWhenThereIsRoom() throws Exception {
        Path repo = Cli.repository(mount.resolve("repo"), Map.of("README.md", "A small project.\n", ".gitignore", "target/\n"));
        Path workflow = Files.writeString(temp.resolve("big.yml"), "name: big\ndescription: One large text file.\nsteps:\n"
                + "  - id: data\n    agent: command\n    with:\n"
                + "      run: head -c 450000 /dev/urandom | base64 > data.txt\n");

        CliRunner.Result full = Cli.orchestra("run", "--repo", repo.toString(), "--workflow", workflow.toString(), "--gates", "none",
                "--run-id", "d1");

        assertThat(full.exitCode()).as(full.toString()).isEqualTo(1);
        assertThat(full.err()).contains("cannot write the bundle");
        Path runDir = repo.resolve(".orchestra/runs/d1");
        JsonNode state = Json.MAPPER.readTree(runDir.resolve("state.json").toFile());
        assertThat(state.get("status").asText()).as("the run is not marked done").isEqualTo("RUNNING");
        assertThat(runDir.resolve("bundle")).as("no half bundle that looks whole").doesNotExist();
        assertThat(Cli.clean(repo)).isTrue();

        assertThat(sh("mount -o remount,size=20m " + mount)).isZero();
        CliRunner.Result resumed = Cli.orchestra("resume", "--repo", repo.toString(), "--run-id", "d1");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(runDir.resolve("bundle/bundle.json")).exists();
        assertThat(runDir.resolve("bundle/report.html")).exists();
        try (var patches = Files.list(runDir.resolve("bundle/patches"))) {
            assertThat(patches.count()).isEqualTo(1);
        }
    }

    private static int sh(String command) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
