package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiModelClientTest extends OpenAiFormatContract {

    @Override
    ModelConfig config() {
        return ModelConfig.of(ModelProvider.OPENAI, "gpt-4o-mini").withBaseUrl(server.baseUrl() + "/v1");
    }

    @Override
    Map<String, String> env() {
        return Map.of("OPENAI_API_KEY", KEY);
    }

    @Override
    String provider() {
        return "openai";
    }

    @Test
    void sendsTheKeyFromTheEnvironmentAsABearerToken() throws Exception {
        server.script(dev.orchestra.testsupport.ScriptedAnswer.text("ok"));

        client(java.time.Duration.ofSeconds(10)).complete(request(null));

        assertThat(only().header("authorization")).isEqualTo("Bearer " + KEY);
    }
}
