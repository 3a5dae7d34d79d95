package dev.orchestra.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxTest {
    @TempDir Path temp;

    @Test
    void requiredWithoutBubblewrapIsBadInputNamingWhatToInstall() {
        Map<String, String> env = Map.of("PATH", temp.resolve("empty").toString());

        assertThatThrownBy(() -> Sandbox.choose(SandboxMode.REQUIRED, env)).isInstanceOf(BadInputException.class)
                .hasMessage("--sandbox required: bubblewrap (bwrap) is not installed (Debian: apt-get install bubblewrap)");
    }

    @Test
    void aBubblewrapThatIsInstalledButRefusedCountsAsNoSandbox() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path bwrap = Files.writeString(bin.resolve("bwrap"),
                "#!/bin/sh\necho 'bwrap: No permissions to creating new namespace' >&2\nexit 1\n");
        Files.setPosixFilePermissions(bwrap, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("PATH", bin.toString());

        assertThatThrownBy(() -> Sandbox.choose(SandboxMode.REQUIRED, env)).isInstanceOf(BadInputException.class)
                .hasMessage("--sandbox required: " + bwrap + " does not work here: bwrap: No permissions to creating new namespace");
        Sandbox auto = Sandbox.choose(SandboxMode.AUTO, env);
        assertThat(auto.inEffect()).isFalse();
        assertThat(auto.prefix(temp, false)).isEmpty();
        assertThat(auto.use()).isEqualTo(new SandboxUse("auto", false, null,
                bwrap + " does not work here: bwrap: No permissions to creating new namespace"));
    }

    @Test
    void offNeverLooksForOne() {
        Sandbox off = Sandbox.choose(SandboxMode.OFF, Map.of());
        assertThat(off.inEffect()).isFalse();
        assertThat(off.use()).isEqualTo(new SandboxUse("off", false, null, null));
    }

    @Test
    void aModeIsAutoRequiredOrOff() {
        assertThat(SandboxMode.parse("--sandbox", "Required")).isEqualTo(SandboxMode.REQUIRED);
        assertThatThrownBy(() -> SandboxMode.parse("--sandbox", "maybe")).isInstanceOf(BadInputException.class)
                .hasMessage("--sandbox maybe: must be auto, required or off");
    }

    @Test
    void aRunIsSandboxedOnlyIfEveryProcessOfItWas() {
        SandboxUse first = new SandboxUse("auto", true, "bubblewrap", null);
        SandboxUse later = new SandboxUse("auto", false, null, "bubblewrap (bwrap) is not installed");
        assertThat(first.and(later)).isEqualTo(new SandboxUse("auto", false, null, "bubblewrap (bwrap) is not installed"));
        assertThat(first.and(first)).isEqualTo(first);
    }
}
