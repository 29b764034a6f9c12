package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.health.Readiness;
import dev.sheepdog.domain.model.health.ReadinessReport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers an orchestrator's probes: {@code GET /healthz}, 200 while the process runs, and
 * {@code GET /readyz}, 200 while this instance takes traffic (degraded or not), 503 while it starts
 * or drains. It sits in front of Jetty's request draining, which answers every other request with a
 * 503 during a stop, and in front of Javalin, so that a probe costs no route matching, no virtual
 * thread and no log line.
 */
final class HealthProbes extends Handler.Wrapper {

    static final String LIVENESS = "/healthz";
    static final String READINESS = "/readyz";
    private static final byte[] ALIVE = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private final Readiness readiness;
    private final ObjectMapper mapper;

    HealthProbes(Readiness readiness, ObjectMapper mapper) {
        this.readiness = readiness;
        this.mapper = mapper;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.GET.is(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        String path = withoutTrailingSlash(Request.getPathInContext(request));
        if (path.equals(LIVENESS)) {
            answer(response, callback, HttpStatus.OK_200, ALIVE);
            return true;
        }
        if (path.equals(READINESS)) {
            ReadinessReport report = readiness.report();
            answer(response, callback, report.takesTraffic() ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503,
                    json(report));
            return true;
        }
        return super.handle(request, response, callback);
    }

    // Javalin, which served /healthz before, ignores one trailing slash.
    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private byte[] json(ReadinessReport report) throws JsonProcessingException {
        return mapper.writeValueAsBytes(ReadinessJson.of(report, mapper));
    }

    private static void answer(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // A cached "ready" would outlive the drain it should announce.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
