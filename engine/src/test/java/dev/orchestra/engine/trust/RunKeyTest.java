package dev.orchestra.engine.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunKeyTest {
    @TempDir
    Path home;

    @Test
    void theFirstUseCreatesAKeyOnlyItsOwnerCanReadAndLaterUsesReuseIt() throws Exception {
        String mac = RunKey.forOperator(home, Map.of()).mac("state");
        Path file = home.resolve(".orchestra/run-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(RunKey.forOperator(home, Map.of()).mac("state")).isEqualTo(mac);
        assertThat(Files.list(file.getParent())).as("no temp file left").containsExactly(file);
    }

    @Test
    void aNewKeyMakesOtherSignatures() {
        String mine = RunKey.forOperator(home, Map.of()).mac("state");
        assertThat(RunKey.forOperator(home.resolve("other"), Map.of()).mac("state")).isNotEqualTo(mine);
    }

    @Test
    void aKeyFileOtherUsersCanReadIsRefusedWithTheCommandThatFixesIt() throws Exception {
        RunKey.forOperator(home, Map.of()).mac("state");
        Path file = home.resolve(".orchestra/run-key");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> RunKey.forOperator(home, Map.of()).mac("state")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void theEnvironmentVariableOverridesTheFileAndNoFileIsWritten() {
        String value = "a run key shared by the Jenkins agents, long enough";
        RunKey fromEnv = RunKey.forOperator(home, Map.of(RunKey.ENV, value));
        assertThat(fromEnv.mac("state")).isEqualTo(RunKey.of(value.getBytes()).mac("state"));
        assertThat(fromEnv.origin()).isEqualTo(RunKey.ENV);
        assertThat(home.resolve(".orchestra")).doesNotExist();
    }

    @Test
    void aShortEnvironmentKeyIsRefused() {
        assertThatThrownBy(() -> RunKey.forOperator(home, Map.of(RunKey.ENV, "short")))
                .isInstanceOf(BadInputException.class).hasMessageContaining(RunKey.ENV);
    }
}
