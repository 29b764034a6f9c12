package dev.sheepdog.adapter.in.http;

import dev.sheepdog.domain.model.caller.AccessDenied;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.Credentials;
import dev.sheepdog.domain.port.in.IdentifyCallerUseCase;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads who is calling off a request (its bearer token and where it came from) and asks the
 * domain who that is. A request that carries a proxy's {@code Forwarded} or {@code
 * X-Forwarded-For} header is never taken for the gateway's own machine: a proxy on the same host
 * would otherwise make every caller on the internet look local.
 */
public final class CallerAuthentication {

    private final IdentifyCallerUseCase identify;
    private final TrustedProxies proxies;

    public CallerAuthentication(IdentifyCallerUseCase identify, TrustedProxies proxies) {
        this.identify = identify;
        this.proxies = proxies;
    }

    /** Everyone is the operator on the gateway's own machine: for tests of other concerns. */
    public static CallerAuthentication everyoneLocal() {
        return new CallerAuthentication(credentials -> Caller.LOCAL, TrustedProxies.NONE);
    }

    /** The caller, or empty after answering 401 with what to do. */
    Optional<Caller> authenticate(Context ctx, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        try {
            return Optional.of(identify.identify(credentials(ctx)));
        } catch (AccessDenied denied) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"sheepdog\"");
            ErrorResponses.send(ctx, new ApiError(401, denied.getMessage(), "authentication_error", null,
                    denied.reason().name().toLowerCase(Locale.ROOT)), mapper);
            return Optional.empty();
        }
    }

    Credentials credentials(Context ctx) {
        String header = ctx.header("Authorization");
        Optional<String> bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(header.substring(7).strip()) : Optional.empty();
        String peer = withoutBrackets(ctx.req().getRemoteAddr());
        boolean forwarded = ctx.header("Forwarded") != null || ctx.header("X-Forwarded-For") != null;
        return new Credentials(bearer, proxies.clientAddress(peer, ctx.header("Forwarded"),
                ctx.header("X-Forwarded-For")), !forwarded && TrustedProxies.isLoopback(peer));
    }

    // Jetty writes an IPv6 peer in brackets ([0:0:0:0:0:0:0:1]); the address is what is inside them.
    private static String withoutBrackets(String peer) {
        return peer.length() > 2 && peer.startsWith("[") && peer.endsWith("]") ? peer.substring(1, peer.length() - 1)
                : peer;
    }
}
