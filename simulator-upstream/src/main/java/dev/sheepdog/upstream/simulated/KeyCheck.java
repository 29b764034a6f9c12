package dev.sheepdog.upstream.simulated;

import com.sun.net.httpserver.HttpExchange;
import dev.sheepdog.domain.model.ApiKey;
import java.util.Optional;

/** Which callers the simulated upstream answers: anyone, or only those presenting the one demo key. */
record KeyCheck(Optional<ApiKey> required) {

    private static final String BEARER = "Bearer ";

    boolean allows(HttpExchange exchange) {
        if (required.isEmpty()) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            return false;
        }
        return required.get().equals(ApiKey.of(header.substring(BEARER.length())));
    }
}
