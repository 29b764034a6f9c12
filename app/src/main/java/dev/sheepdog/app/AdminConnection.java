package dev.sheepdog.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options and the error handling every command that calls a running gateway's admin API
 * shares: where the gateway is, its token, and JSON or a table for people.
 */
final class AdminConnection {

    static final int REFUSED = 1;
    static final int UNREACHABLE = 3;

    /** One call of the admin API. */
    @FunctionalInterface
    interface Call {
        AdminClient.Answer perform(AdminClient admin) throws IOException, InterruptedException;
    }

    @Option(names = "--url", defaultValue = "${env:SHEEPDOG_URL:-http://localhost:8080}",
            description = "The gateway (SHEEPDOG_URL, default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--token", defaultValue = "${env:SHEEPDOG_ADMIN_TOKEN}",
            description = "The admin token (SHEEPDOG_ADMIN_TOKEN; prefer the variable: arguments show in ps).")
    String token;

    @Option(names = "--json", description = "Print the gateway's JSON answer instead of a table.")
    boolean json;

    /** Makes the call and prints its answer; the exit code: 0, {@link #REFUSED} or {@link #UNREACHABLE}. */
    int run(CommandSpec spec, Call call, Function<JsonNode, String> describe) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (token == null || token.isBlank()) {
            err.println("No admin token: set SHEEPDOG_ADMIN_TOKEN (the gateway's, too) or pass --token.");
            return REFUSED;
        }
        try {
            AdminClient.Answer answer = call.perform(new AdminClient(url, token));
            if (!answer.ok()) {
                err.println("Refused (HTTP " + answer.status() + "): " + answer.error());
                return REFUSED;
            }
            JsonNode body = answer.body().orElseGet(() -> new ObjectMapper().createObjectNode());
            out.print(json ? body.toPrettyString() + System.lineSeparator() : describe.apply(body));
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
}
