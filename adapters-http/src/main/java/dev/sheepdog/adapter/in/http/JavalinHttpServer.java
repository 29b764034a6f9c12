package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.health.Readiness;
import dev.sheepdog.domain.port.in.ListModelsUseCase;
import dev.sheepdog.domain.port.in.StreamCompletionUseCase;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import io.javalin.util.JavalinException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.Graceful;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's HTTP API on Javalin: each request on its own virtual thread. */
public final class JavalinHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JavalinHttpServer.class);
    /** How long requests still open at the end of the grace period get to write their error and finish. */
    private static final Duration ENDING_TIME = Duration.ofSeconds(2);
    /** Connections the kernel may hold before Jetty accepts them; Linux caps it at net.core.somaxconn (4096). */
    static final int ACCEPT_QUEUE = 1024;

    private final HttpSettings settings;
    private final Readiness readiness;
    private final Javalin javalin;
    private final AtomicBoolean graceOver = new AtomicBoolean();
    /** Counts the requests in flight, and during a stop answers new ones with a 503 until they have ended. */
    private final GracefulHandler requests = new GracefulHandler();

    /** A server that takes every caller for the operator on its own machine, with no admin API or metrics. */
    public JavalinHttpServer(HttpSettings settings, StreamCompletionUseCase completions, ListModelsUseCase models) {
        this(settings, completions, models, CallerAuthentication.everyoneLocal(), Optional.empty(), Optional.empty());
    }

    /** A server that reports itself ready as soon as it listens: nothing else needs to start first. */
    public JavalinHttpServer(HttpSettings settings, StreamCompletionUseCase completions, ListModelsUseCase models,
                             CallerAuthentication callers, Optional<AdminApi> admin,
                             Optional<Observability> observability) {
        this(settings, completions, models, callers, admin, observability, readyAtOnce());
    }

    /**
     * @param callers       tells who calls {@code /v1}, and refuses whom it must
     * @param admin         the operator's API; without it, nothing under {@code /admin} exists
     * @param observability the metrics served at {@code /metrics}, and who hears about streams
     * @param readiness     what {@code /readyz} reports; whoever starts the gateway marks it ready, and
     *                      {@link #close()} marks it draining
     */
    public JavalinHttpServer(HttpSettings settings, StreamCompletionUseCase completions, ListModelsUseCase models,
                             CallerAuthentication callers, Optional<AdminApi> admin,
                             Optional<Observability> observability, Readiness readiness) {
        this.settings = settings;
        this.readiness = readiness;
        // Jackson recycles its buffers per thread by default: every virtual thread (one per stream) would keep its own.
        JsonFactory json = JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
        ObjectMapper mapper = new ObjectMapper(json)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Keeps decimals in passed-through fields exactly as the client wrote them.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // Without this, Jackson's tree turns 0.10 into 0.1 and -100.0 into -1E+2.
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        CompletionRoutes completionRoutes = new CompletionRoutes(completions, callers, settings, mapper,
                observability.map(Observability::streams).orElse(StreamObserver.NONE), graceOver::get);
        ModelRoutes modelRoutes = new ModelRoutes(models, callers, mapper);
        this.javalin = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.addConnector((server, http) -> listening(server, http, settings, requests));
            config.jetty.modifyServer(server -> {
                // Lets open streams finish for the grace period when the gateway is stopped; those still
                // open then end themselves with an error event, for which Jetty waits a little longer.
                server.insertHandler(requests);
                // In front of the draining, which would answer the probes' requests with a 503 too.
                server.insertHandler(new HealthProbes(readiness, mapper));
                server.setStopTimeout(settings.shutdownGrace().plus(ENDING_TIME).toMillis());
                // Jetty answers a request that is not valid HTTP itself, in HTML unless told otherwise.
                server.setErrorHandler(new JettyErrorHandler(mapper));
            });
            if (!settings.corsOrigins().isEmpty()) {
                config.routes.before("/v1/*", new CorsPolicy(settings.corsOrigins(), mapper));
            }
            config.requestLogger.http(RequestLogLine::log);
            config.routes.before(RequestLogLine::start);
            config.routes.post(CompletionRoutes.PATH, completionRoutes::create);
            config.routes.get(ModelRoutes.PATH, modelRoutes::list);
            observability.ifPresent(metrics -> MetricsRoute.register(config, metrics, mapper));
            Pages.register(config);
            admin.ifPresent(api -> AdminRoutes.register(config, api, mapper));
            // Javalin answers an unmatched route itself (plain text or its own JSON), which notFound would then keep.
            config.routes.exception(EndpointNotFound.class, (e, ctx) -> notFound(ctx, mapper));
            config.routes.error(404, ctx -> notFound(ctx, mapper));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> ErrorResponses.send(ctx,
                    HttpProtocolErrors.of(e.getStatus(), e.getMessage()), mapper));
            // A store that cannot be reached (a fleet's database away) is an outage to say so, not a bug to trace.
            config.routes.exception(CallerStoreException.class, (e, ctx) -> {
                LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ErrorResponses.send(ctx, GatewayErrors.STORE_UNAVAILABLE, mapper);
            });
            config.routes.exception(Exception.class, (e, ctx) -> unexpected(e, ctx, mapper));
        });
    }

    /*
     * Javalin's own connector, with a listen queue long enough for a burst of new streams (a page's users
     * coming back at once): Java's default of 50 overflows, and every connection the kernel then drops
     * waits a second or more for its SYN to be sent again. It keeps listening while a stop drains.
     */
    private static ServerConnector listening(Server server, HttpConfiguration http, HttpSettings settings,
                                             Graceful requests) {
        ServerConnector connector = new DrainingConnector(server, new HttpConnectionFactory(http), requests);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
    }

    public JavalinHttpServer start() {
        javalin.start(settings.host(), settings.port());
        return this;
    }

    /** The bound port: the configured one, or the one the system chose for port 0. */
    public int port() {
        return javalin.port();
    }

    /**
     * Marks this instance draining, so that {@code /readyz} answers 503 at once, and lets open streams
     * finish for the grace period; a stream still open after it ends with a {@code server_shutting_down}
     * error event (a request not yet answered, with a 503). Until the last one has ended, the port stays
     * open for the probes, and any other new request gets a 503 {@code server_shutting_down}.
     */
    @Override
    public void close() {
        readiness.drain();
        Thread timer = Thread.ofVirtual().name("sheepdog-shutdown-grace").start(() -> {
            try {
                Thread.sleep(settings.shutdownGrace());
                graceOver.set(true);
            } catch (InterruptedException allEndedInTime) {
                // every request finished within the grace period
            }
        });
        try {
            javalin.stop();
        } catch (JavalinException notEnded) {
            // Jetty gives up waiting and closes what is still open: a request that did not end when told to.
            LOG.warn("stopped {} ms after the grace period; connections still open were closed",
                    ENDING_TIME.toMillis());
        } finally {
            timer.interrupt();
        }
    }

    private static Readiness readyAtOnce() {
        Readiness readiness = new Readiness();
        readiness.ready();
        return readiness;
    }

    private static void notFound(Context ctx, ObjectMapper mapper) {
        if (ctx.result() != null) {
            return; // a route's own 404, such as an unknown model, already says what is missing
        }
        ErrorResponses.send(ctx, new ApiError(404, "Unknown route: " + ctx.method() + " " + ctx.path() + ".",
                "invalid_request_error", null, "unknown_route"), mapper);
    }

    private static void unexpected(Exception e, Context ctx, ObjectMapper mapper) {
        if (UnreadableRequest.is(e)) {
            // Jetty failed reading what the caller sent (e.g. a broken chunk): the caller's fault, no stack trace.
            if (!ctx.res().isCommitted()) {
                ErrorResponses.send(ctx, RequestBody.unreadable(ctx).error(), mapper);
            }
            return;
        }
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        if (!ctx.res().isCommitted()) {
            ErrorResponses.send(ctx, GatewayErrors.INTERNAL, mapper);
        }
    }
}
