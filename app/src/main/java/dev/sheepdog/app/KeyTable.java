package dev.sheepdog.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Prints keys as an aligned table, one row per key, for people rather than scripts. */
final class KeyTable {

    private static final List<String> HEADER =
            List.of("ENDPOINT", "FINGERPRINT", "STATE", "REQUESTS", "IN FLIGHT", "LAST USED", "LAST ERROR");

    private KeyTable() {
    }

    /** @param keys the key objects as the admin API returns them */
    static String of(List<JsonNode> keys) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (JsonNode key : keys) {
            rows.add(List.of(key.path("endpoint").asText(), key.path("fingerprint").asText(),
                    key.path("state").asText() + key.path("cooling_until").asText("").transform(
                            until -> until.isEmpty() ? "" : " until " + until),
                    key.path("requests").asText(), key.path("in_flight").asText(),
                    key.path("last_used").asText("-"), key.path("last_error").asText("-")));
        }
        return TextTable.of(rows);
    }
}
