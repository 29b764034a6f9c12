package dev.sheepdog.adapter.in.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One readable line per request: method, path, status, time to the first chunk of a stream, duration,
 * the model, and whether the client left early. Never a header or a body: they may hold secrets.
 */
final class RequestLogLine {

    private static final Logger LOG = LoggerFactory.getLogger("sheepdog.http");
    static final String START_NANOS = "sheepdog.startNanos";

    private RequestLogLine() {
    }

    static void start(Context ctx) {
        ctx.attribute(START_NANOS, System.nanoTime());
    }

    static void log(Context ctx, float executionMillis) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder()
                .append(ctx.method()).append(' ').append(ctx.path()).append(' ').append(ctx.statusCode());
        Long start = ctx.attribute(START_NANOS);
        Long firstData = ctx.attribute(SseChannel.FIRST_DATA_NANOS);
        if (start != null && firstData != null) {
            line.append(" ttft=").append((firstData - start) / 1_000_000).append("ms");
        }
        line.append(String.format(Locale.ROOT, " %.3fs", executionMillis / 1000f));
        String model = ctx.attribute(CompletionRoutes.MODEL);
        if (model != null) {
            line.append(" model=").append(model);
        }
        if (Boolean.TRUE.equals(ctx.attribute(SseStreamWriter.CLIENT_LEFT))) {
            line.append(" client-left");
        }
        LOG.info(line.toString());
    }
}
