package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
                "openai " + FakeKeys.openAi(),
                "anthropic " + FakeKeys.anthropic(),
                "aws " + FakeKeys.aws(),
                "github " + FakeKeys.github(),
                "slack " + FakeKeys.slack(),
                "-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA", "-----END RSA PRIVATE KEY-----",
                "after the key");

        String redacted = redactor.redact(text);

        assertThat(redacted).doesNotContain(FakeKeys.openAi(), FakeKeys.anthropic(), FakeKeys.aws(), FakeKeys.github(),
                FakeKeys.slack(), "FAKE", "MIIEowIBAAKCAQEA", "BEGIN RSA");
        assertThat(redacted).contains("openai [REDACTED]", "aws [REDACTED]", "after the key");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Refactor the skeleton class; the task-list has 12 items.";

        assertThat(SecretRedactor.fromEnvironment(Map.of("KEYBOARD", "us")).redact(text)).isEqualTo(text);
    }

    @Test
    void replacesTheValueOfEveryVariableThatIsNotKnownToBeHarmlessWhateverItsName() {
        SecretRedactor redactor = SecretRedactor.fromEnvironment(Map.of("MYSQL_PWD", "mysql-pwd-0123",
                "NPM_AUTH", "npm-auth-0123", "DEPLOY_PASS", "deploy-pass-0123",
                "DATABASE_URL", "postgres://app:db-pass-0123@db.internal/app", "LANG", "en_US.UTF-8"));

        String redacted = redactor.redact("mysql-pwd-0123 npm-auth-0123 deploy-pass-0123 db-pass-0123 en_US.UTF-8");

        assertThat(redacted).isEqualTo("[REDACTED] [REDACTED] [REDACTED] [REDACTED] en_US.UTF-8");
    }

    @Test
    void replacesThePasswordOfAnyUrlWhereverItComesFrom() {
        SecretRedactor redactor = SecretRedactor.fromEnvironment(Map.of());

        assertThat(redactor.redact("jdbc:postgresql://app:s3cret@db:5432/app and https://:tok@host/x and http://host:80/"))
                .isEqualTo("jdbc:postgresql://app:[REDACTED]@db:5432/app and https://:[REDACTED]@host/x and http://host:80/");
        assertThat(redactor.find("ftp://me:pw@example.org")).contains("a password in a URL");
    }

    private static final String TOKEN = "tok3n-Vb?>zq?~Lm_42";
    private final SecretRedactor redactor = SecretRedactor.fromEnvironment(Map.of("DEPLOY_TOKEN", TOKEN));

    @Test
    void redactsAValueSplitAcrossTwoLines() {
        String yaml = "token: " + TOKEN.substring(0, 11) + "\n  " + TOKEN.substring(11) + "\nnext: 1";
        String java = "String t = \"" + TOKEN.substring(0, 8) + "\" +\n        \"" + TOKEN.substring(8) + "\";";
        String shell = "export T=" + TOKEN.substring(0, 6) + "\\\n" + TOKEN.substring(6);
        String windows = TOKEN.substring(0, 15) + "\r\n" + TOKEN.substring(15) + " done";

        assertThat(redactor.redact(yaml)).isEqualTo("token: [REDACTED]\nnext: 1");
        assertThat(redactor.redact(java)).isEqualTo("String t = \"[REDACTED]\";");
        assertThat(redactor.redact(shell)).isEqualTo("export T=[REDACTED]");
        assertThat(redactor.redact(windows)).isEqualTo("[REDACTED] done");
    }

    @Test
    void redactsTheValueBase64EncodedOnItsOwnInBothAlphabets() {
        byte[] bytes = TOKEN.getBytes(StandardCharsets.UTF_8);
        String standard = Base64.getEncoder().encodeToString(bytes);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(standard).as("the test needs a value whose alphabets differ").isNotEqualTo(urlSafe + "=");

        assertThat(redactor.redact("value: " + standard + "\n")).isEqualTo("value: [REDACTED]==\n");
        assertThat(redactor.redact("?t=" + urlSafe + "&x=1")).isEqualTo("?t=[REDACTED]&x=1");
    }

    @Test
    void redactsTheValueInsideALongerBase64TextAtEveryAlignment() {
        for (String user : new String[] {"ci", "bot", "robot"}) {
            for (String tail : new String[] {"", "@h", "@host"}) {
                String basic = Base64.getEncoder().encodeToString((user + ":" + TOKEN + tail)
                        .getBytes(StandardCharsets.UTF_8));

                String redacted = redactor.redact("Authorization: Basic " + basic);

                assertThat(redacted).as(user + tail).startsWith("Authorization: Basic ").contains("[REDACTED]");
                String left = redacted.substring("Authorization: Basic ".length()).replace("[REDACTED]", "");
                assertThat(left.length()).as(user + tail).isLessThanOrEqualTo(basic.length() - 20);
            }
        }
    }

    @Test
    void redactsTheValueUrlEncodedInEitherHexCase() {
        String encoded = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
        assertThat(encoded).isNotEqualTo(TOKEN);

        assertThat(redactor.redact("https://x/?t=" + encoded)).isEqualTo("https://x/?t=[REDACTED]");
        assertThat(redactor.redact("t=" + lowerHex(encoded))).isEqualTo("t=[REDACTED]");
    }

    @Test
    void neverTreatsValuesShorterThanEightCharactersAsSecrets() {
        SecretRedactor shortValues = SecretRedactor.fromEnvironment(Map.of("PIN_SECRET", "1234567"));
        String text = "pin 1234567, split 1234\n567, base64 "
                + Base64.getEncoder().encodeToString("1234567".getBytes(StandardCharsets.UTF_8));

        assertThat(shortValues.redact(text)).isEqualTo(text);
        assertThat(shortValues.find(text)).isEmpty();
    }

    @Test
    void leavesTextThatOnlyResemblesTheSecretAlone() {
        String almost = TOKEN.substring(0, 9) + "<" + TOKEN.substring(10);
        String text = String.join("\n", TOKEN.substring(0, 9) + " is a prefix",
                TOKEN.substring(9) + " is a suffix on another line", almost + " differs in one character",
                Base64.getEncoder().encodeToString(almost.getBytes(StandardCharsets.UTF_8)),
                TOKEN.substring(0, 6) + "\n\n" + TOKEN.substring(6) + " has a blank line in the middle");

        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void namesTheSecretItFindsWithoutShowingIt() {
        String encoded = Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));

        assertThat(redactor.find("x " + encoded)).contains("the value of DEPLOY_TOKEN, base64-encoded");
        assertThat(redactor.find("x " + TOKEN)).contains("the value of DEPLOY_TOKEN");
        assertThat(redactor.find("aws " + FakeKeys.aws())).contains("an AWS access key id");
        assertThat(redactor.find("nothing here")).isEmpty();
    }

    private static String lowerHex(String urlEncoded) {
        return java.util.regex.Pattern.compile("%[0-9A-F]{2}").matcher(urlEncoded)
                .replaceAll(match -> match.group().toLowerCase());
    }
}
