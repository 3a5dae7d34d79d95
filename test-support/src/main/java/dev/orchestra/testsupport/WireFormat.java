package dev.orchestra.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The bodies OpenAI's chat completions and Anthropic's messages API really send, for replies and errors. */
enum WireFormat {
    OPENAI("openai") {
        @Override
        ObjectNode reply(ScriptedAnswer.Text answer, String model, int number) {
            ObjectNode body = JSON.createObjectNode();
            body.put("id", "chatcmpl-scripted" + number);
            body.put("object", "chat.completion");
            body.put("created", System.currentTimeMillis() / 1000);
            body.put("model", model);
            ObjectNode choice = body.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            message.put("content", answer.text());
            message.putNull("refusal");
            choice.putNull("logprobs");
            choice.put("finish_reason", answer.lengthLimited() ? "length" : "stop");
            if (answer.inputTokens() >= 0) { // an OpenAI-compatible server may leave the usage block out
                ObjectNode usage = body.putObject("usage");
                usage.put("prompt_tokens", answer.inputTokens());
                usage.put("completion_tokens", answer.outputTokens());
                usage.put("total_tokens", answer.inputTokens() + answer.outputTokens());
            }
            body.put("system_fingerprint", "fp_scripted");
            return body;
        }

        @Override
        ObjectNode noText(ScriptedAnswer.NoText answer, String model, int number) {
            ObjectNode body = reply(new ScriptedAnswer.Text("", 10, 5, false), model, number);
            ObjectNode choice = (ObjectNode) body.path("choices").get(0);
            ObjectNode message = (ObjectNode) choice.get("message");
            message.putNull("content");
            if (answer.name() != null) {
                ObjectNode call = message.putArray("tool_calls").addObject();
                call.put("id", "call_scripted" + number).put("type", "function");
                call.putObject("function").put("name", answer.name()).put("arguments", answer.arguments());
                choice.put("finish_reason", "tool_calls");
            }
            return body;
        }

        @Override
        ObjectNode refusal(String text, String model, int number) {
            ObjectNode body = reply(new ScriptedAnswer.Text("", 10, 5, false), model, number);
            ObjectNode message = (ObjectNode) body.path("choices").get(0).get("message");
            message.putNull("content");
            message.put("refusal", text);
            return body;
        }

        @Override
        ObjectNode error(int code, String message) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode error = body.putObject("error");
            error.put("message", message);
            error.put("type", code == 429 ? "requests" : code >= 500 ? "server_error" : "invalid_request_error");
            error.putNull("param");
            error.put("code", switch (code) {
                case 401 -> "invalid_api_key";
                case 404 -> "model_not_found";
                case 429 -> "rate_limit_exceeded";
                default -> null;
            });
            return body;
        }
    },

    ANTHROPIC("anthropic") {
        @Override
        ObjectNode reply(ScriptedAnswer.Text answer, String model, int number) {
            ObjectNode body = JSON.createObjectNode();
            body.put("id", "msg_scripted" + number);
            body.put("type", "message");
            body.put("role", "assistant");
            body.put("model", model);
            ArrayNode content = body.putArray("content");
            content.addObject().put("type", "text").put("text", answer.text());
            body.put("stop_reason", answer.lengthLimited() ? "max_tokens" : "end_turn");
            body.putNull("stop_sequence");
            ObjectNode usage = body.putObject("usage");
            usage.put("input_tokens", answer.inputTokens());
            usage.put("output_tokens", answer.outputTokens());
            return body;
        }

        @Override
        ObjectNode noText(ScriptedAnswer.NoText answer, String model, int number) {
            ObjectNode body = reply(new ScriptedAnswer.Text("", 10, 5, false), model, number);
            ArrayNode content = body.putArray("content");
            if (answer.name() != null) {
                ObjectNode use = content.addObject().put("type", "tool_use").put("id", "toolu_scripted" + number)
                        .put("name", answer.name());
                use.set("input", parse(answer.arguments()));
                body.put("stop_reason", "tool_use");
            }
            return body;
        }

        @Override
        ObjectNode refusal(String text, String model, int number) {
            ObjectNode body = reply(new ScriptedAnswer.Text(text, 10, 5, false), model, number);
            body.put("stop_reason", "refusal");
            return body;
        }

        @Override
        ObjectNode error(int code, String message) {
            ObjectNode body = JSON.createObjectNode();
            body.put("type", "error");
            ObjectNode error = body.putObject("error");
            error.put("type", switch (code) {
                case 400 -> "invalid_request_error";
                case 401 -> "authentication_error";
                case 403 -> "permission_error";
                case 404 -> "not_found_error";
                case 413 -> "request_too_large";
                case 429 -> "rate_limit_error";
                case 529 -> "overloaded_error";
                default -> "api_error";
            });
            error.put("message", message);
            return body;
        }
    };

    static final ObjectMapper JSON = new ObjectMapper();

    final String name;

    WireFormat(String name) {
        this.name = name;
    }

    abstract ObjectNode reply(ScriptedAnswer.Text answer, String model, int number);

    /** A reply with no text: only a tool call, or no content at all. */
    abstract ObjectNode noText(ScriptedAnswer.NoText answer, String model, int number);

    /** A refusal in the provider's own shape. */
    abstract ObjectNode refusal(String text, String model, int number);

    abstract ObjectNode error(int code, String message);

    /** Anthropic sends a tool's input as a JSON object, not as text. */
    static JsonNode parse(String arguments) {
        try {
            return JSON.readTree(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tool call arguments must be JSON: " + arguments, e);
        }
    }

    static WireFormat forPath(String path) {
        return path.endsWith("/messages") ? ANTHROPIC : OPENAI;
    }

    static boolean isModelPath(String path) {
        return path.equals("/v1/chat/completions") || path.equals("/chat/completions")
                || path.equals("/v1/messages") || path.equals("/messages");
    }

    /** What the real APIs say for common statuses. */
    static String errorMessage(int code) {
        return switch (code) {
            case 400 -> "Invalid request (scripted).";
            case 401 -> "Invalid API key (scripted).";
            case 403 -> "Permission denied (scripted).";
            case 404 -> "The model does not exist (scripted).";
            case 429 -> "Rate limit reached (scripted).";
            case 529 -> "Overloaded (scripted).";
            default -> code >= 500 ? "The server had an error (scripted)." : "Error " + code + " (scripted).";
        };
    }
}
