package dev.sheepdog.adapter.in.http;

import io.javalin.http.Context;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One readable line per request: method, path, status, time to the first chunk of a stream, duration,
 * the caller's account, the model, and whether the client left early. Never a header or a body: they
 * may hold secrets. Every value a caller chose is escaped, so no caller can write a line of its own.
 */
final class RequestLogLine {

    private static final Logger LOG = LoggerFactory.getLogger("sheepdog.http");
    static final String START_NANOS = "sheepdog.startNanos";
    private static final int MAX_VALUE = 200;

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
                .append(ctx.method()).append(' ').append(escaped(ctx.path())).append(' ').append(ctx.statusCode());
        Long start = ctx.attribute(START_NANOS);
        Long firstData = ctx.attribute(SseChannel.FIRST_DATA_NANOS);
        if (start != null && firstData != null) {
            line.append(" ttft=").append((firstData - start) / 1_000_000).append("ms");
        }
        line.append(String.format(Locale.ROOT, " %.3fs", executionMillis / 1000f));
        String caller = ctx.attribute(CompletionRoutes.CALLER);
        if (caller != null) {
            line.append(" caller=").append(escaped(caller));
        }
        String model = ctx.attribute(CompletionRoutes.MODEL);
        if (model != null) {
            line.append(" model=").append(escaped(model));
        }
        if (Boolean.TRUE.equals(ctx.attribute(SseStreamWriter.CLIENT_LEFT))) {
            line.append(" client-left");
        }
        LOG.info(line.toString());
    }

    /** A caller's text as one safe token: control characters and spaces as escapes, at most 200 characters. */
    static String escaped(String text) {
        StringBuilder safe = new StringBuilder();
        int length = Math.min(text.length(), MAX_VALUE);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\' || c == 0x85 || c == 0x2028 || c == 0x2029) {
                safe.append(c <= 0xff ? String.format(Locale.ROOT, "\\x%02x", (int) c)
                        : String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return text.length() > MAX_VALUE ? safe.append("…").toString() : safe.toString();
    }
}
