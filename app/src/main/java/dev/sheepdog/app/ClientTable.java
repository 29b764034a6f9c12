package dev.sheepdog.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Client keys and usage lines as the admin API returns them, as tables. */
final class ClientTable {

    private static final List<String> CLIENTS = List.of("ID", "NAME", "STATUS", "PLAN", "RPM", "TPM", "STREAMS",
            "DAILY $", "MONTHLY $", "SPENT TODAY $", "EXPIRES", "SECRET STARTS");
    private static final List<String> USAGE = List.of("ACCOUNT", "NAME", "MODEL", "REQUESTS", "FAILED",
            "INPUT TOKENS", "OUTPUT TOKENS", "COST $", "UNPRICED", "ESTIMATED");

    private ClientTable() {
    }

    static String clients(JsonNode clients) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(CLIENTS);
        for (JsonNode client : clients) {
            JsonNode limits = client.path("limits");
            rows.add(List.of(client.path("id").asText(), client.path("name").asText(), client.path("status").asText(),
                    client.path("plan").asText(), bound(limits, "rpm"), bound(limits, "tpm"),
                    client.path("usage").path("open_streams").asText("0") + "/" + bound(limits, "concurrent_streams"),
                    bound(limits, "daily_usd"), bound(limits, "monthly_usd"),
                    plain(client.path("usage").path("spent_today_usd")),
                    client.path("expires_at").asText("-").replace("null", "-"), client.path("hint").asText()));
        }
        return TextTable.of(rows);
    }

    static String usage(JsonNode lines) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(USAGE);
        for (JsonNode line : lines) {
            rows.add(List.of(line.path("account").asText("-"), line.path("name").asText("-"),
                    line.path("model").asText("-"), line.path("requests").asText(), line.path("failed").asText(),
                    line.path("input_tokens").asText(), line.path("output_tokens").asText(),
                    plain(line.path("cost_usd")), line.path("unpriced_requests").asText(),
                    line.path("estimated_requests").asText()));
        }
        return TextTable.of(rows);
    }

    private static String bound(JsonNode limits, String name) {
        JsonNode value = limits.path(name);
        return value.isMissingNode() || value.isNull() ? "-" : plain(value);
    }

    /** A number as people write it: 0.00000462, not 4.62E-6. */
    private static String plain(JsonNode value) {
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText("-");
    }
}
