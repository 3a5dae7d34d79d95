package dev.orchestra.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.process.EnvironmentPolicy.Secret;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentPolicyTest {
    @TempDir
    Path temp;

    @Test
    void everyVariableOffTheAllowlistIsASecretWhateverItsName() {
        Map<String, String> env = Map.of("MYSQL_PWD", "mysql-pwd-0123", "NPM_AUTH", "npm-auth-0123",
                "RELEASE_PASS", "release-pass-0123", "PATH", "/usr/local/bin:/usr/bin", "LC_ALL", "en_US.UTF-8",
                "BUILD_URL", "https://ci.example/job/x/12/", "SHORT", "1234567");

        assertThat(EnvironmentPolicy.secrets(env)).extracting(Secret::value)
                .containsExactlyInAnyOrder("mysql-pwd-0123", "npm-auth-0123", "release-pass-0123");
    }

    @Test
    void aPasswordInAUrlIsASecretEvenUnderAHarmlessName() {
        Map<String, String> env = Map.of("DATABASE_URL", "mysql://app:db-pass-0123@db/app",
                "HTTPS_PROXY", "http://me:proxy-pass-0123@proxy:3128");

        assertThat(EnvironmentPolicy.secrets(env)).extracting(Secret::value, Secret::description)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("mysql://app:db-pass-0123@db/app", "the value of DATABASE_URL"),
                        org.assertj.core.groups.Tuple.tuple("db-pass-0123", "the password in DATABASE_URL"),
                        org.assertj.core.groups.Tuple.tuple("http://me:proxy-pass-0123@proxy:3128", "the value of HTTPS_PROXY"),
                        org.assertj.core.groups.Tuple.tuple("proxy-pass-0123", "the password in HTTPS_PROXY"));
        assertThat(EnvironmentPolicy.harmless("HTTPS_PROXY", env.get("HTTPS_PROXY"))).isFalse();
        assertThat(EnvironmentPolicy.harmless("HTTPS_PROXY", "http://proxy:3128")).isTrue();
    }

    @Test
    void aValueNamingAnExistingFolderIsAPlaceNotASecret() {
        Map<String, String> env = Map.of("PROJECT_DIR", temp.toString(), "GONE_DIR", temp.resolve("gone").toString());

        assertThat(EnvironmentPolicy.secrets(env)).extracting(Secret::value)
                .containsExactly(temp.resolve("gone").toString());
    }

    @Test
    void anAgentGetsTheHarmlessVariablesAndOnlyThePassedOnesBesides() {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin", "HOME", "/home/ci", "JAVA_HOME", "/opt/jdk",
                "NPM_TOKEN", "npm-token-0123", "MYSQL_PWD", "mysql-pwd-0123", "GIT_DIR", "/home/ci/repo/.git",
                "HTTP_PROXY", "http://me:proxy-pass-0123@proxy:3128"));

        EnvironmentPolicy.restrictForAgent(env, List.of("NPM_TOKEN"));

        assertThat(env).containsOnlyKeys("PATH", "HOME", "JAVA_HOME", "NPM_TOKEN");
    }
}
