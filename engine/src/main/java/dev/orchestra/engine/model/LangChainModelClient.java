package dev.orchestra.engine.model;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.orchestra.engine.json.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A provider's model behind {@link ModelClient}, through a LangChain4j chat model that never retries itself. */
public final class LangChainModelClient implements ModelClient {
    private final ModelProvider provider;
    private final String modelName;
    private final ChatModel chat;
    private final String apiKey;

    LangChainModelClient(ModelProvider provider, String modelName, ChatModel chat, String apiKey) {
        this.provider = provider;
        this.modelName = modelName;
        this.chat = chat;
        this.apiKey = apiKey;
    }

    @Override
    public ModelReply complete(ModelRequest request) throws ModelException {
        ChatRequest chatRequest = ChatRequest.builder()
                .messages(messages(request))
                .parameters(parameters(request))
                .build();
        ChatResponse response;
        try {
            response = chat.chat(chatRequest);
        } catch (ContentFilteredException e) {
            return new ModelReply(e.getMessage(), 0, 0, ModelReply.REFUSAL, modelName);
        } catch (RuntimeException e) {
            throw ModelFailures.classify(provider.id(), e, apiKey);
        }
        TokenUsage usage = response.tokenUsage();
        AiMessage message = response.aiMessage();
        return new ModelReply(message.text(),
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(),
                finishReason(response.finishReason()),
                response.modelName() == null ? modelName : response.modelName(),
                message.hasToolExecutionRequests() ? message.toolExecutionRequests().get(0).arguments() : null);
    }

    private static List<ChatMessage> messages(ModelRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        if (request.system() != null && !request.system().isBlank()) {
            messages.add(SystemMessage.from(request.system()));
        }
        for (ModelRequest.Message message : request.messages()) {
            messages.add(message.role() == ModelRequest.Role.USER
                    ? UserMessage.from(message.text())
                    : AiMessage.from(message.text()));
        }
        return messages;
    }

    private ChatRequestParameters parameters(ModelRequest request) {
        ModelSettings settings = request.settings() == null ? ModelSettings.DEFAULTS : request.settings();
        DefaultChatRequestParameters.Builder<?> builder = provider.speaksOpenAi()
                ? OpenAiChatRequestParameters.builder().seed(settings.seed())
                : DefaultChatRequestParameters.builder();
        builder.modelName(modelName)
                .temperature(settings.temperature())
                .maxOutputTokens(settings.maxOutputTokens());
        if (request.responseSchema() != null) {
            builder.responseFormat(responseFormat(request));
        }
        return builder.build();
    }

    private static ResponseFormat responseFormat(ModelRequest request) {
        String schema;
        try {
            schema = Json.MAPPER.writeValueAsString(request.responseSchema());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder()
                        .name(request.schemaName() == null ? "reply" : request.schemaName())
                        .rootElement(JsonRawSchema.from(schema))
                        .build())
                .build();
    }

    private static String finishReason(FinishReason reason) {
        return reason == null ? "unknown" : reason.name().toLowerCase(Locale.ROOT);
    }
}
