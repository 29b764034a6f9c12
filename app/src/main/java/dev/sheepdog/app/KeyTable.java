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
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                table.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            table.append(System.lineSeparator());
        }
        return table.toString();
    }
}
