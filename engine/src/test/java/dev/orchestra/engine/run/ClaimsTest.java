package dev.orchestra.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.plan.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsTest {
    private static Step claiming(String... scope) {
        return new Step("s" + scope.length, "command", "", List.of(scope), List.of(), Map.of(), "");
    }

    @Test
    void differentFilesMayRunTogether() {
        assertThat(Claims.overlap(claiming("src/A.java"), claiming("src/B.java"))).isFalse();
    }

    @Test
    void theSameFileMayNot() {
        assertThat(Claims.overlap(claiming("src/A.java", "pom.xml"), claiming("pom.xml"))).isTrue();
    }

    @Test
    void aGlobMeetsTheFilesItMatches() {
        assertThat(Claims.overlap(claiming("**/*.java"), claiming("src/A.java"))).isTrue();
        assertThat(Claims.overlap(claiming("docs/**"), claiming("src/A.java"))).isFalse();
    }

    @Test
    void anEmptyScopeClaimsEverything() {
        assertThat(Claims.overlap(claiming(), claiming("README.md"))).isTrue();
    }

    @Test
    void twoGlobsAreAssumedToMeet() {
        assertThat(Claims.overlap(claiming("docs/**"), claiming("src/**"))).isTrue();
    }
}
