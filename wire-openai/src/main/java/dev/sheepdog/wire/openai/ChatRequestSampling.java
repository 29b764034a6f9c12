package dev.sheepdog.wire.openai;

import static dev.sheepdog.wire.openai.ChatRequestFields.absent;
import static dev.sheepdog.wire.openai.ChatRequestFields.wrongType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.Sampling;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads how a chat request wants its answer drawn: temperature, top_p, the token limit, stop sequences and seed. */
final class ChatRequestSampling {

    private ChatRequestSampling() {
    }

    static Sampling read(JsonNode body) throws ChatRequestException {
        OptionalDouble temperature = number(body.get("temperature"), "temperature", 2);
        OptionalDouble topP = number(body.get("top_p"), "top_p", 1);
        OptionalInt maxTokens = maxTokens(body.get("max_tokens"), "max_tokens");
        OptionalInt maxCompletionTokens = maxTokens(body.get("max_completion_tokens"), "max_completion_tokens");
        // The newer name wins: OpenAI deprecated max_tokens for it, and reasoning models take only it.
        return new Sampling(temperature, topP, maxCompletionTokens.isPresent() ? maxCompletionTokens : maxTokens,
                stop(body.get("stop")), seed(body.get("seed")));
    }

    // Typed only when it is an integer that fits a long; any other seed still reaches a same-format
    // provider in the client's own words, which decides what it means (as before seeds were read).
    private static OptionalLong seed(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong()
                ? OptionalLong.of(node.asLong()) : OptionalLong.empty();
    }

    private static OptionalDouble number(JsonNode node, String param, double max) throws ChatRequestException {
        if (absent(node)) {
            return OptionalDouble.empty();
        }
        if (!node.isNumber()) {
            throw wrongType(param, "a number");
        }
        double value = node.asDouble();
        if (value < 0 || value > max) {
            throw new ChatRequestException("Invalid '" + param + "': " + node + " is outside the range 0 to "
                    + (int) max + ".", param, "invalid_value");
        }
        return OptionalDouble.of(value);
    }

    private static OptionalInt maxTokens(JsonNode node, String param) throws ChatRequestException {
        if (absent(node)) {
            return OptionalInt.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(param, "an integer");
        }
        if (node.asInt() < 1) {
            throw new ChatRequestException("Invalid '" + param + "': " + node + " is less than the minimum of 1.",
                    param, "invalid_value");
        }
        return OptionalInt.of(node.asInt());
    }

    private static List<String> stop(JsonNode node) throws ChatRequestException {
        if (absent(node)) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw wrongType("stop", "a string or an array of strings");
        }
        List<String> stop = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw wrongType("stop[" + i + "]", "a string");
            }
            stop.add(node.get(i).asText());
        }
        return stop;
    }
}
