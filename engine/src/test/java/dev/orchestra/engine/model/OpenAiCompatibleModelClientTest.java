package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.testsupport.ScriptedAnswer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleModelClientTest extends OpenAiFormatContract {

    @Override
    ModelConfig config() {
        return ModelConfig.of(ModelProvider.OPENAI_COMPATIBLE, "qwen2.5-coder-32b")
                .withBaseUrl(server.baseUrl() + "/v1")
                .withApiKeyEnv("LOCAL_LLM_KEY");
    }

    @Override
    Map<String, String> env() {
        return Map.of("LOCAL_LLM_KEY", KEY, "OPENAI_API_KEY", "fake-openai-key-that-must-stay-home");
    }

    @Override
    String provider() {
        return "openai-compatible";
    }

    @Test
    void sendsTheKeyOfTheConfiguredVariableNeverTheOpenAiKey() throws Exception {
        server.script(ScriptedAnswer.text("ok"));

        client(Duration.ofSeconds(10)).complete(request(null));

        assertThat(only().header("authorization")).isEqualTo("Bearer " + KEY);
    }
}
