package dev.sheepdog.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sheepdog keys}: manages a running gateway's provider keys through its admin API. */
@Command(name = "keys", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Manage the provider keys of a running gateway through its admin API.",
                "New secrets are read from standard input (or typed at a prompt), never from arguments."})
final class KeysCommand implements Callable<Integer> {

    static final int REFUSED = 1;
    static final int UNREACHABLE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "list, add, rotate, disable, enable or remove")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ENDPOINT", description = "the endpoint, e.g. holysheep")
    String endpoint;

    @Parameters(index = "2", arity = "0..1", paramLabel = "FINGERPRINT", description = "the key's fingerprint")
    String fingerprint;

    @Option(names = "--url", defaultValue = "${env:SHEEPDOG_URL:-http://localhost:8080}",
            description = "The gateway (SHEEPDOG_URL, default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--token", defaultValue = "${env:SHEEPDOG_ADMIN_TOKEN}",
            description = "The admin token (SHEEPDOG_ADMIN_TOKEN; prefer the variable: arguments show in ps).")
    String token;

    @Option(names = "--json", description = "Print the gateway's JSON answer instead of a table.")
    boolean json;

    private final InputStream stdin;

    KeysCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (token == null || token.isBlank()) {
            err.println("No admin token: set SHEEPDOG_ADMIN_TOKEN (the gateway's, too) or pass --token.");
            return REFUSED;
        }
        try {
            AdminClient.Answer answer = perform(new AdminClient(url, token));
            if (!answer.ok()) {
                err.println("Refused (HTTP " + answer.status() + "): " + answer.error());
                return REFUSED;
            }
            out.print(json ? answer.body().map(JsonNode::toPrettyString).orElse("{}") + System.lineSeparator()
                    : describe(answer));
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return REFUSED;
        } catch (IOException e) {
            err.println("Cannot reach the gateway at " + url + ": " + e.getMessage());
            return UNREACHABLE;
        }
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

    private String describe(AdminClient.Answer answer) {
        return switch (action) {
            case "list", "disable", "enable" -> KeyTable.of(allKeys(answer.body().orElseThrow()));
            case "add", "rotate" -> KeyTable.of(List.of(answer.body().orElseThrow()));
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
