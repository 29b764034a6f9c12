package dev.sheepdog.upstream.simulated;

import static java.lang.System.Logger.Level.INFO;
import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;
import dev.sheepdog.adapter.out.simulator.SimulatorActivity;
import dev.sheepdog.adapter.out.simulator.SimulatorFaults;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.ApiKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A standalone OpenAI-compatible upstream answering from the simulated model, faults on the wire ({@code simulate}). */
public final class SimulatedUpstreamServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("sheepdog.simulate");
    // Room for a benchmark's 256 clients connecting at once without SYN retries.
    private static final int BACKLOG = 1024;

    static {
        // The JDK server reads these once, at its first use. Every SSE event is a small write, which
        // Nagle's algorithm may hold back until the previous one is acknowledged: with delayed ACKs
        // on a network, tens of milliseconds off the pacing. Jetty turns it off by default too.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        // After a burst of 256 streams more connections go idle at once than the 200 it keeps by
        // default; it would close some that clients are about to reuse for a POST, which they do not retry.
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "4096");
        // Longer than the JDK client's 30 s keep-alive, so the client, not the server, closes an idle connection.
        setIfAbsent("sun.net.httpserver.idleInterval", "300");
    }

    private final SimulatedCompletionProvider provider;
    private final Optional<ApiKey> requiredKey;
    private final Clock clock;
    private final long created;
    private final OpenStreams openStreams = new OpenStreams();
    private HttpServer server;
    private ExecutorService executor;

    public SimulatedUpstreamServer(SimulatorSettings settings, Optional<ApiKey> requiredKey, Clock clock) {
        this.provider = new SimulatedCompletionProvider(requireNonNull(settings, "settings"));
        this.requiredKey = requireNonNull(requiredKey, "requiredKey");
        this.clock = requireNonNull(clock, "clock");
        this.created = clock.instant().getEpochSecond();
    }

    /** Listens on {@code host:port} (port 0: any free port), one virtual thread per request. */
    public synchronized SimulatedUpstreamServer start(String host, int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("the simulated upstream is already started");
        }
        KeyCheck keys = new KeyCheck(requiredKey);
        server = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", new CompletionsHandler(provider, keys, openStreams, clock));
        server.createContext("/v1/models", new ModelsHandler(settings().models(), created, keys));
        server.createContext("/", exchange -> OpenAiError.notFound(exchange.getRequestURI().getPath()).send(exchange));
        server.start();
        LOG.log(INFO, "simulated upstream on " + baseUri() + ", models " + String.join(", ", settings().models())
                + ", faults " + describe(settings().faults()) + (requiredKey.isPresent() ? ", key required" : ""));
        return this;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the simulated upstream is not started");
        }
        return server.getAddress().getPort();
    }

    /** The base URL a client is given, e.g. {@code http://127.0.0.1:8090/v1}. */
    public synchronized URI baseUri() {
        int port = port();
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/v1");
    }

    public SimulatorSettings settings() {
        return provider.settings();
    }

    public Optional<ApiKey> requiredKey() {
        return requiredKey;
    }

    public SimulatorActivity activity() {
        return provider.activity();
    }

    /** Stops listening and drops every open connection, streams included. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        openStreams.closeAll();
        executor.close();
        server = null;
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** The faults the way {@code --fault} writes them, e.g. {@code 429@0.1, stall@5}. */
    static String describe(SimulatorFaults faults) {
        List<String> names = new ArrayList<>();
        faults.failStatus().ifPresent(status -> names.add(status + "@" + faults.failRate()));
        faults.stallAfterTokens().ifPresent(tokens -> names.add("stall@" + tokens));
        faults.cutAfterTokens().ifPresent(tokens -> names.add("cut@" + tokens));
        faults.malformedAfterTokens().ifPresent(tokens -> names.add("malformed@" + tokens));
        faults.errorAfterTokens().ifPresent(tokens -> names.add("error@" + tokens));
        if (faults.hangBeforeFirstToken()) {
            names.add("hang");
        }
        faults.keepAliveEvery().ifPresent(every -> names.add("keepalive@" + every.toMillis() + "ms"));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
