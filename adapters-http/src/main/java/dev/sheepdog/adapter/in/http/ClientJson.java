package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Standing;
import java.time.Instant;

/** A client key as the admin API shows it: never its secret, only the first characters. */
final class ClientJson {

    private ClientJson() {
    }

    static ObjectNode of(ClientKey key, Standing standing, Instant now, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode()
                .put("id", key.id().value())
                .put("account", "client:" + key.id().value())
                .put("name", key.name())
                .put("hint", key.hint())
                .put("status", status(key, now))
                .put("plan", key.plan().name());
        key.plan().models().stream().sorted().forEach(json.putArray("models")::add);
        json.set("limits", limits(key.plan().limits(), mapper));
        json.put("enabled", key.enabled());
        json.put("created_at", key.createdAt().toString());
        json.put("expires_at", key.expiresAt().map(Instant::toString).orElse(null));
        json.put("revoked_at", key.revokedAt().map(Instant::toString).orElse(null));
        json.set("usage", standing(standing, mapper));
        return json;
    }

    static ObjectNode limits(Limits limits, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        limits.requestsPerMinute().ifPresentOrElse(value -> json.put("rpm", value), () -> json.putNull("rpm"));
        limits.tokensPerMinute().ifPresentOrElse(value -> json.put("tpm", value), () -> json.putNull("tpm"));
        limits.concurrentStreams().ifPresentOrElse(value -> json.put("concurrent_streams", value),
                () -> json.putNull("concurrent_streams"));
        json.put("daily_usd", limits.dailyUsd().orElse(null));
        json.put("monthly_usd", limits.monthlyUsd().orElse(null));
        return json;
    }

    static ObjectNode standing(Standing standing, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        if (standing.limits().requestsPerMinute().isPresent()) {
            json.put("requests_left_this_minute", standing.requestsLeft());
        }
        if (standing.limits().tokensPerMinute().isPresent()) {
            json.put("tokens_left_this_minute", standing.tokensLeft());
        }
        json.put("open_streams", standing.openStreams());
        json.put("spent_today_usd", standing.spentToday());
        json.put("spent_this_month_usd", standing.spentThisMonth());
        return json;
    }

    private static String status(ClientKey key, Instant now) {
        if (key.revokedAt().isPresent()) {
            return "revoked";
        }
        if (!key.enabled()) {
            return "disabled";
        }
        return key.refusal(now).isPresent() ? "expired" : "active";
    }
}
