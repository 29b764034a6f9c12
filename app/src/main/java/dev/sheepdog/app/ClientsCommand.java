package dev.sheepdog.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sheepdog clients}: makes and manages a running gateway's client keys through its admin API. */
@Command(name = "clients", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Manage the client keys of a running gateway through its admin API: add, list, show, "
                + "update, revoke, usage.", "A new key's secret is printed once, by 'add'; the gateway keeps only its hash."})
final class ClientsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENTS = "/admin/clients";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "add, list, show, update, revoke or usage")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME|ID",
            description = "the new key's name (add), or the key's id, e.g. cl_3f9a0c1d2e4b")
    String subject;

    @Option(names = "--plan", description = "Start from a plan of sheepdog.yaml's access.plans (add).")
    String plan;

    @Option(names = "--models", split = ",", description = "The only models the key may use (none: all).")
    List<String> models;

    @Option(names = "--rpm", description = "Requests per minute.")
    Integer rpm;

    @Option(names = "--tpm", description = "Tokens per minute (input and output).")
    Long tpm;

    @Option(names = "--concurrent", description = "Streams open at once.")
    Integer concurrent;

    @Option(names = "--daily-usd", description = "US dollars per UTC day.")
    BigDecimal dailyUsd;

    @Option(names = "--monthly-usd", description = "US dollars per UTC month.")
    BigDecimal monthlyUsd;

    @Option(names = "--expires", description = "When the key stops working: an instant (2027-01-31T00:00:00Z) "
            + "or a time from now (30d, 12h).")
    String expires;

    @Option(names = "--no-expiry", description = "Remove the key's expiry (update).")
    boolean noExpiry;

    @Option(names = "--enable", description = "Enable a disabled key (update).")
    boolean enable;

    @Option(names = "--disable", description = "Disable the key until it is enabled again (update).")
    boolean disable;

    @Option(names = "--name", description = "A new name (update).")
    String name;

    @Option(names = "--from", description = "Usage from this date or instant (usage; default 30 days ago).")
    String from;

    @Option(names = "--to", description = "Usage until this date or instant (usage; default now).")
    String to;

    @Option(names = "--by", description = "Usage per account, model or account_model (usage).")
    String by;

    @Mixin
    AdminConnection admin;

    @Override
    public Integer call() throws InterruptedException {
        return admin.run(spec, this::perform, this::describe);
    }

    private AdminClient.Answer perform(AdminClient admin) throws IOException, InterruptedException {
        return switch (action) {
            case "list" -> admin.get(CLIENTS);
            case "add" -> admin.post(CLIENTS, Optional.of(settings().put("name", required("NAME"))));
            case "show" -> admin.get(CLIENTS + "/" + required("ID"));
            case "update" -> admin.patch(CLIENTS + "/" + required("ID"), changes());
            case "revoke" -> admin.post(CLIENTS + "/" + required("ID") + "/revoke", Optional.empty());
            case "usage" -> admin.get((subject == null ? "/admin/usage" : CLIENTS + "/" + subject + "/usage") + query());
            default -> throw new IllegalArgumentException(
                    "Unknown action '" + action + "': use add, list, show, update, revoke or usage.");
        };
    }

    private ObjectNode settings() {
        ObjectNode body = JSON.createObjectNode();
        Optional.ofNullable(plan).ifPresent(value -> body.put("plan", value));
        Optional.ofNullable(models).ifPresent(list -> list.forEach(body.putArray("models")::add));
        Optional.ofNullable(rpm).ifPresent(value -> body.put("rpm", value));
        Optional.ofNullable(tpm).ifPresent(value -> body.put("tpm", value));
        Optional.ofNullable(concurrent).ifPresent(value -> body.put("concurrent_streams", value));
        Optional.ofNullable(dailyUsd).ifPresent(value -> body.put("daily_usd", value));
        Optional.ofNullable(monthlyUsd).ifPresent(value -> body.put("monthly_usd", value));
        Optional.ofNullable(expires).ifPresent(value -> body.put("expires_at", expiry(value).toString()));
        return body;
    }

    private ObjectNode changes() {
        if (enable && disable) {
            throw new IllegalArgumentException("Choose --enable or --disable, not both.");
        }
        ObjectNode body = settings();
        Optional.ofNullable(name).ifPresent(value -> body.put("name", value));
        if (noExpiry) {
            body.putNull("expires_at");
        }
        if (enable || disable) {
            body.put("enabled", enable);
        }
        return body;
    }

    private String query() {
        List<String> parameters = new ArrayList<>();
        Optional.ofNullable(from).ifPresent(value -> parameters.add("from=" + encode(value)));
        Optional.ofNullable(to).ifPresent(value -> parameters.add("to=" + encode(value)));
        Optional.ofNullable(by).ifPresent(value -> parameters.add("by=" + encode(value)));
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    private String describe(JsonNode body) {
        return switch (action) {
            case "list" -> ClientTable.clients(body.path("clients"));
            case "usage" -> ClientTable.usage(body.path("usage"));
            case "add" -> ClientTable.clients(JSON.createArrayNode().add(body)) + System.lineSeparator()
                    + "Secret (shown this once; the gateway keeps only its hash):" + System.lineSeparator()
                    + body.path("secret").asText() + System.lineSeparator();
            default -> ClientTable.clients(JSON.createArrayNode().add(body));
        };
    }

    static Instant expiry(String text) {
        if (text.matches("\\d+d")) {
            return Instant.now().plus(Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1))));
        }
        if (text.matches("\\d+[smh]")) {
            return Instant.now().plus(DurationConverter.parse(text));
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--expires takes an instant (2027-01-31T00:00:00Z) or a time from now "
                    + "(30d, 12h): " + text);
        }
    }

    private String required(String label) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("Missing " + label + ".");
        }
        return subject;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
