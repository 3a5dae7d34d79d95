package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void replacesValuesOfSecretLookingEnvironmentVariables() {
        SecretRedactor redactor = SecretRedactor.fromEnvironment(Map.of(
                "MY_SERVICE_TOKEN", "tok-12345678", "DB_PASSWORD", "hunter2hunter2",
                "HOME", "/home/builder", "SHORT_KEY", "abc"));

        String redacted = redactor.redact("token tok-12345678, password hunter2hunter2, home /home/builder, abc");

        assertThat(redacted).isEqualTo("token [REDACTED], password [REDACTED], home /home/builder, abc");
    }

    @Test
    void replacesWellKnownKeyShapes() {
        SecretRedactor redactor = SecretRedactor.fromEnvironment(Map.of());
        String text = String.join("\n",
                "openai sk-proj-AbCdEf0123456789xyzXYZ",
                "anthropic sk-ant-api03-AbCdEf0123456789_xyz",
                "aws AKIAIOSFODNN7EXAMPLE",
                "github ghp_0123456789abcdefghijABCDEFGHIJ",
                "slack xoxb-1234567890-abcdefghij",
                "-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA", "-----END RSA PRIVATE KEY-----",
                "after the key");

        String redacted = redactor.redact(text);

        assertThat(redacted).doesNotContain("AbCdEf0123456789", "IOSFODNN7", "0123456789abcdefghij",
                "1234567890-abcdefghij", "MIIEowIBAAKCAQEA", "BEGIN RSA");
        assertThat(redacted).contains("openai [REDACTED]", "aws [REDACTED]", "after the key");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Refactor the skeleton class; the task-list has 12 items.";

        assertThat(SecretRedactor.fromEnvironment(Map.of("KEYBOARD", "us")).redact(text)).isEqualTo(text);
    }

    @Test
    void namesThatLookSecret() {
        assertThat(SecretRedactor.looksSecret("OPENAI_API_KEY")).isTrue();
        assertThat(SecretRedactor.looksSecret("github_token")).isTrue();
        assertThat(SecretRedactor.looksSecret("CLIENT_SECRET")).isTrue();
        assertThat(SecretRedactor.looksSecret("PATH")).isFalse();
    }
}
