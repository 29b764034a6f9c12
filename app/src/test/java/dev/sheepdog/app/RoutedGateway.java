package dev.sheepdog.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A gateway started from a sheepdog.yaml written by the test, with its admin API open to the test. */
final class RoutedGateway implements AutoCloseable {

    static final String TOKEN = "routing-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final GatewayConfig config;
    private final RunningGateway gateway;

    private RoutedGateway(GatewayConfig config) {
        this.config = config;
        this.gateway = RunningGateway.with(config);
    }

    /** Starts a gateway on the YAML, keeping its data in {@code dataDir} (reuse it to restart). */
    static RoutedGateway start(String yaml, Path dataDir) {
        return start(yaml, dataDir, Map.of());
    }

    /** The same, with the environment the YAML's {@code keys_from_env} variables are read from. */
    static RoutedGateway start(String yaml, Path dataDir, Map<String, String> environment) {
        try {
            Path file = Files.createTempFile("sheepdog-", ".yaml");
            Files.writeString(file, yaml);
            GatewayConfig base = RunningGateway.config(SimulatorSettings.DEFAULT, List.of(), URI.create("http://unused"),
                    StreamDeadlines.DEFAULT, Optional.of(TOKEN));
            FileConfig routing = ConfigFile.read(file, environment, StreamDeadlines.DEFAULT);
            GatewayConfig config = new GatewayConfig(base.http(), base.simulator(), base.holySheepKeys(),
                    base.holySheepUrl(), base.deadlines(), dataDir, base.masterKey(), base.adminToken(),
                    base.keyPolicy(), Optional.of(routing));
            return new RoutedGateway(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return gateway.baseUrl();
    }

    /** Streams one completion as this user and returns its text; fails the test on an error. */
    String complete(String user) throws IOException, InterruptedException {
        return SseClient.stream(baseUrl(), "{\"model\":\"deepseek-v3.2\",\"stream\":true,\"user\":\"" + user + "\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").content();
    }

    JsonNode traffic() throws IOException, InterruptedException {
        return JSON.readTree(admin("GET", "/admin/traffic").body());
    }

    HttpResponse<String> admin(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + baseUrl().getPort() + path))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The role of an endpoint in the traffic report. */
    String roleOf(String endpoint) throws IOException, InterruptedException {
        for (JsonNode node : traffic().path("endpoints")) {
            if (node.path("id").asText().equals(endpoint)) {
                return node.path("role").asText();
            }
        }
        throw new AssertionError("no endpoint " + endpoint);
    }

    @Override
    public void close() {
        gateway.close();
    }
}
