package dev.sheepdog.adapter.in.http;

/** The errors that come from the gateway itself rather than from a request or a provider. */
final class GatewayErrors {

    static final ApiError INTERNAL = new ApiError(500,
            "The gateway failed unexpectedly; the error is in its log.", "server_error", null, "internal_error");
    static final ApiError SHUTTING_DOWN = new ApiError(503,
            "The gateway is shutting down; retry on another instance or in a moment.", "service_unavailable", null,
            "server_shutting_down");
    static final ApiError STORE_UNAVAILABLE = new ApiError(503,
            "The gateway cannot reach its store of callers, limits and usage right now; retry in a moment.",
            "service_unavailable", null, "store_unavailable");
    static final ApiError NO_COMPLETION = new ApiError(502,
            "The provider ended its answer without a completion.", "upstream_error", null, "malformed_stream");

    private GatewayErrors() {
    }
}
