package dev.orchestra.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import org.junit.jupiter.api.Test;

class PathGlobTest {

    @Test
    void aGlobWithoutASlashMatchesANameAtAnyDepth() {
        PathGlob jenkinsfiles = PathGlob.of("Jenkinsfile*", "protected paths");

        assertThat(jenkinsfiles.matches("Jenkinsfile")).isTrue();
        assertThat(jenkinsfiles.matches("jobs/nightly/Jenkinsfile.release")).isTrue();
        assertThat(jenkinsfiles.matches("docs/Jenkinsfile-notes/x.md")).isTrue();
        assertThat(jenkinsfiles.matches("MyJenkinsfile")).isFalse();
    }

    @Test
    void aGlobWithASlashIsAnchoredAtTheTop() {
        assertThat(PathGlob.of("src/main/**", "x").matches("src/main/java/App.java")).isTrue();
        assertThat(PathGlob.of("src/main/**", "x").matches("lib/src/main/App.java")).isFalse();
        assertThat(PathGlob.of("/pom.xml", "x").matches("pom.xml")).isTrue();
        assertThat(PathGlob.of("/pom.xml", "x").matches("core/pom.xml")).isFalse();
        assertThat(PathGlob.of("src/*.java", "x").matches("src/a/B.java")).isFalse();
    }

    @Test
    void aFolderMatchesEverythingUnderIt() {
        assertThat(PathGlob.of("docs/", "x").matches("docs/guide/install.md")).isTrue();
        assertThat(PathGlob.of("src/main", "x").matches("src/main/java/App.java")).isTrue();
        assertThat(PathGlob.of("src/main", "x").matches("src/mainly.txt")).isFalse();
    }

    @Test
    void choicesAndClasses() {
        PathGlob sources = PathGlob.of("src/{main,test}/**/*.java", "x");

        assertThat(sources.matches("src/test/java/AppTest.java")).isTrue();
        assertThat(sources.matches("src/it/java/AppIT.java")).isFalse();
        assertThat(PathGlob.of("v[0-9].txt", "x").matches("v7.txt")).isTrue();
        assertThat(PathGlob.of("v[!0-9].txt", "x").matches("v7.txt")).isFalse();
    }

    @Test
    void aMalformedGlobIsBadInputNamingWhereItCameFrom() {
        assertThatThrownBy(() -> PathGlob.of("src/[main", "--write-scope")).isInstanceOf(BadInputException.class)
                .hasMessage("--write-scope 'src/[main': a [ without its ]");
        assertThatThrownBy(() -> Policy.defaults().withAllowProtected(java.util.List.of("{a,b")))
                .hasMessage("--allow-protected '{a,b': a { without its }");
    }
}
