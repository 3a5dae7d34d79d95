package dev.orchestra.engine.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.orchestra.engine.BadInputException;
import java.nio.file.Path;
import java.util.Map;

/** Builds ready model clients from a {@link ModelConfig} and the environment that holds the keys. */
public final class ModelClients {
    /** Sent when a provider needs no key but LangChain4j's OpenAI client insists on one. */
    private static final String NO_KEY = "no-key";

    private ModelClients() {}

    /** The provider's adapter behind the {@link RetryingModelClient} with the default policy. */
    public static ModelClient create(ModelConfig config, Map<String, String> env) {
        return create(config, env, RetryPolicy.DEFAULT);
    }

    public static RetryingModelClient create(ModelConfig config, Map<String, String> env, RetryPolicy policy) {
        return new RetryingModelClient(adapter(config, env), policy);
    }

    /**
     * What a run uses: the adapter, retried, every call written to {@code transcript.jsonl} in {@code runDir} with
     * the secrets of {@code env} redacted.
     */
    public static ModelClient recorded(ModelConfig config, Map<String, String> env, Path runDir) {
        TranscriptWriter transcript = TranscriptWriter.inRunFolder(runDir, SecretRedactor.fromEnvironment(env));
        return new RecordingModelClient(create(config, env), transcript, config);
    }

    /** The provider's adapter alone: one request per call, no retries. */
    public static LangChainModelClient adapter(ModelConfig config, Map<String, String> env) {
        if (!config.configured()) {
            throw new BadInputException("no model configured: set `model: PROVIDER:MODEL` in .orchestra/config.yml"
                    + " or pass --model (providers: " + ModelProvider.ids() + ")");
        }
        if (config.effectiveBaseUrl() == null) {
            throw new BadInputException("model " + config.modelId() + ": base-url is required for "
                    + config.provider().id());
        }
        String key = key(config, env);
        ChatModel chat = config.provider() == ModelProvider.ANTHROPIC ? anthropic(config, key) : openAi(config, key);
        return new LangChainModelClient(config.provider(), config.model(), chat, key);
    }

    private static String key(ModelConfig config, Map<String, String> env) {
        String variable = config.keyVariable();
        if (variable == null) {
            return null;
        }
        String key = env.get(variable);
        if (key == null || key.isBlank()) {
            throw new BadInputException("model " + config.modelId() + ": environment variable " + variable
                    + " is not set (it must hold the API key)");
        }
        return key;
    }

    private static ChatModel openAi(ModelConfig config, String key) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(ProviderHttpClient.builder(config.requestTimeout()))
                .baseUrl(config.effectiveBaseUrl())
                .apiKey(key == null ? NO_KEY : key)
                .modelName(config.model())
                .timeout(config.requestTimeout())
                .maxRetries(0)
                .build();
    }

    private static ChatModel anthropic(ModelConfig config, String key) {
        return AnthropicChatModel.builder()
                .httpClientBuilder(ProviderHttpClient.builder(config.requestTimeout()))
                .baseUrl(config.effectiveBaseUrl())
                .apiKey(key)
                .modelName(config.model())
                .timeout(config.requestTimeout())
                .maxRetries(0)
                .build();
    }
}
