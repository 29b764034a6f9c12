package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.ClientChange;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The body of a client-key request: {@code name}, {@code plan}, {@code models}, {@code rpm},
 * {@code tpm}, {@code concurrent_streams}, {@code daily_usd}, {@code monthly_usd}, {@code
 * expires_at} (an instant, or null to clear) and {@code enabled}; each optional where it may be.
 */
record ClientRequestJson(JsonNode body) {

    static ClientRequestJson read(byte[] bytes, ObjectMapper mapper) throws InvalidRequestException {
        try {
            JsonNode body = bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw InvalidRequestException.of("The body must be a JSON object.", null, "invalid_json");
            }
            return new ClientRequestJson(body);
        } catch (IOException e) {
            throw InvalidRequestException.of("The body must be a JSON object.", null, "invalid_json");
        }
    }

    Optional<String> text(String field) throws InvalidRequestException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(field, "a non-empty string");
        }
        return Optional.of(value.asText());
    }

    Limits limits() throws InvalidRequestException {
        try {
            return new Limits(intOf("rpm"), longOf("tpm"), intOf("concurrent_streams"), usd("daily_usd"),
                    usd("monthly_usd"));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(e.getMessage(), null, "invalid_value");
        }
    }

    Optional<Set<String>> models() throws InvalidRequestException {
        JsonNode value = body.get("models");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw invalid("models", "an array of model names");
        }
        Set<String> models = new LinkedHashSet<>();
        for (JsonNode model : value) {
            if (!model.isTextual() || model.asText().isBlank()) {
                throw invalid("models", "an array of model names");
            }
            models.add(model.asText());
        }
        return Optional.of(models);
    }

    Optional<Instant> expiresAt() throws InvalidRequestException {
        Optional<String> text = text("expires_at");
        try {
            return text.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw invalid("expires_at", "an instant like 2027-01-31T00:00:00Z");
        }
    }

    ClientChange change() throws InvalidRequestException {
        JsonNode enabled = body.get("enabled");
        if (enabled != null && !enabled.isBoolean()) {
            throw invalid("enabled", "true or false");
        }
        boolean clearExpiry = body.has("expires_at") && body.get("expires_at").isNull();
        return new ClientChange(text("name"), models(), Optional.of(limits()), expiresAt(), clearExpiry,
                Optional.ofNullable(enabled).map(JsonNode::asBoolean));
    }

    private OptionalInt intOf(String field) throws InvalidRequestException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw invalid(field, "a whole number");
        }
        return OptionalInt.of(value.asInt());
    }

    private OptionalLong longOf(String field) throws InvalidRequestException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw invalid(field, "a whole number");
        }
        return OptionalLong.of(value.asLong());
    }

    private Optional<BigDecimal> usd(String field) throws InvalidRequestException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText()));
        } catch (NumberFormatException e) {
            throw invalid(field, "an amount in US dollars, like 0.05");
        }
    }

    private static InvalidRequestException invalid(String field, String what) {
        return InvalidRequestException.of("'" + field + "' must be " + what + ".", field, "invalid_value");
    }
}
