package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may call {@code /v1}: the allowed ones get CORS headers, the gateway's own
 * pages need none, and any other is refused before its route runs. (Javalin's CORS plugin only
 * marked such a request 400 and let the route answer anyway, the gateway's own pages included.)
 */
final class CorsPolicy implements Handler {

    private static final ApiError NOT_ALLOWED = new ApiError(403, "The page that sent this request is on an origin "
            + "this gateway does not allow; its operator allows one with --cors-origin.", "permission_denied", null,
            "origin_not_allowed");

    private final Set<String> allowed;
    private final ObjectMapper mapper;

    CorsPolicy(List<String> allowedOrigins, ObjectMapper mapper) {
        this.allowed = allowedOrigins.stream().map(CorsPolicy::normalized).collect(Collectors.toSet());
        this.mapper = mapper;
    }

    @Override
    public void handle(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || isOwn(origin, ctx.header("Host"))) {
            return;
        }
        if (!allowed.contains(normalized(origin))) {
            ErrorResponses.send(ctx, NOT_ALLOWED, mapper);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
        // A page must be able to read how long a rate limit asks it to wait.
        ctx.header("Access-Control-Expose-Headers", "Retry-After,retry-after-ms");
        if (ctx.method() == HandlerType.OPTIONS) {
            echo(ctx, "Access-Control-Request-Headers", "Access-Control-Allow-Headers");
            echo(ctx, "Access-Control-Request-Method", "Access-Control-Allow-Methods");
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }

    private static void echo(Context ctx, String requested, String allowed) {
        String value = ctx.header(requested);
        if (value != null) {
            ctx.header(allowed, value);
        }
    }

    // Browsers send Origin on the POSTs of the gateway's own pages too.
    private static boolean isOwn(String origin, String host) {
        String own = normalized(origin);
        int scheme = own.indexOf("://");
        return host != null && scheme > 0 && own.equals(normalized(own.substring(0, scheme + 3) + host));
    }

    /** Lower case, without a trailing slash or the scheme's default port. */
    private static String normalized(String origin) {
        String lower = origin.strip().toLowerCase(Locale.ROOT);
        if (lower.endsWith("/")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (lower.startsWith("https://") && lower.endsWith(":443")) {
            return lower.substring(0, lower.length() - 4);
        }
        if (lower.startsWith("http://") && lower.endsWith(":80")) {
            return lower.substring(0, lower.length() - 3);
        }
        return lower;
    }
}
