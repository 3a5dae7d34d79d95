package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.testsupport.ScriptedAnswer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OllamaModelClientTest extends OpenAiFormatContract {

    @Override
    ModelConfig config() {
        return ModelConfig.of(ModelProvider.OLLAMA, "qwen2.5-coder:7b").withBaseUrl(server.baseUrl() + "/v1");
    }

    @Override
    Map<String, String> env() {
        return Map.of("OPENAI_API_KEY", "fake-openai-key-that-must-stay-home");
    }

    @Override
    String provider() {
        return "ollama";
    }

    @Test
    void needsNoKeyAndNeverSendsTheOpenAiKey() throws Exception {
        server.script(ScriptedAnswer.text("ok"));

        ModelClients.create(config().withRequestTimeout(Duration.ofSeconds(10)), Map.of()).complete(request(null));

        assertThat(String.valueOf(only().header("authorization"))).doesNotContain("fake-openai-key");
    }

    @Test
    void defaultsToTheLocalOllamaOpenAiEndpoint() {
        assertThat(ModelConfig.of(ModelProvider.OLLAMA, "llama3.1").effectiveBaseUrl())
                .isEqualTo("http://localhost:11434/v1");
    }
}
