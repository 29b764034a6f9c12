package dev.sheepdog.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sheepdog keys}: manages a running gateway's provider keys through its admin API. */
@Command(name = "keys", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Manage the provider keys of a running gateway through its admin API.",
                "New secrets are read from standard input (or typed at a prompt), never from arguments."})
final class KeysCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "list, add, rotate, disable, enable or remove")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ENDPOINT", description = "the endpoint, e.g. holysheep")
    String endpoint;

    @Parameters(index = "2", arity = "0..1", paramLabel = "FINGERPRINT", description = "the key's fingerprint")
    String fingerprint;

    @Mixin
    AdminConnection admin;

    private final InputStream stdin;

    KeysCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws InterruptedException {
        return admin.run(spec, this::perform, this::describe);
    }

    private AdminClient.Answer perform(AdminClient admin) throws IOException, InterruptedException {
        String keys = "/admin/keys";
        return switch (action) {
            case "list" -> admin.get(keys);
            case "add" -> admin.post(keys + "/" + required(endpoint, "ENDPOINT"), Optional.of(secretBody()));
            case "rotate" -> admin.post(keyPath(keys) + "/rotate", Optional.of(secretBody()));
            case "disable", "enable" -> admin.post(keyPath(keys) + "/" + action, Optional.empty());
            case "remove" -> admin.delete(keyPath(keys));
            default -> throw new IllegalArgumentException(
                    "Unknown action '" + action + "': use list, add, rotate, disable, enable or remove.");
        };
    }

    private String describe(JsonNode body) {
        return switch (action) {
            case "list", "disable", "enable" -> KeyTable.of(allKeys(body));
            case "add", "rotate" -> KeyTable.of(List.of(body));
            default -> "Removed key " + fingerprint + " from " + endpoint + "." + System.lineSeparator();
        };
    }

    private String keyPath(String keys) {
        return keys + "/" + required(endpoint, "ENDPOINT") + "/" + required(fingerprint, "FINGERPRINT");
    }

    private JsonNode secretBody() throws IOException {
        return JSON.createObjectNode().put("secret", readSecret());
    }

    private String readSecret() throws IOException {
        if (System.console() != null && stdin == System.in) {
            char[] typed = System.console().readPassword("New key (input hidden): ");
            return typed == null ? "" : new String(typed).strip();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line == null || line.isBlank()) {
                throw new IllegalArgumentException("No key on standard input: pipe it in, e.g. echo \"$NEW_KEY\" | "
                        + "sheepdog keys " + action + " ...");
            }
            return line.strip();
        }
    }

    private static List<JsonNode> allKeys(JsonNode list) {
        List<JsonNode> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> endpoint : list.path("endpoints").properties()) {
            endpoint.getValue().forEach(keys::add);
        }
        return keys;
    }

    private static String required(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing " + label + ".");
        }
        return value;
    }
}
