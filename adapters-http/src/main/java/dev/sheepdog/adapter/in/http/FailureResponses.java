package dev.sheepdog.adapter.in.http;

import dev.sheepdog.adapter.in.http.ApiError.ProviderSaid;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;

/**
 * The HTTP face of each domain failure: status, OpenAI-style type and code. README.md's error
 * table documents exactly this mapping.
 */
final class FailureResponses {

    private FailureResponses() {
    }

    static ApiError toApiError(CompletionFailure failure) {
        String upstreamCode = failure.upstreamCode().orElse(null);
        return switch (failure.kind()) {
            case INVALID_REQUEST -> error(failure, callerStatus(failure.upstreamStatus()), "invalid_request_error",
                    upstreamCode);
            case MODEL_NOT_FOUND -> error(failure, 404, "invalid_request_error", "model_not_found");
            case UPSTREAM_AUTH -> error(failure, 502, "upstream_auth", "upstream_auth_failed");
            case INSUFFICIENT_BALANCE -> error(failure, 402, "insufficient_balance", "insufficient_balance");
            case RATE_LIMITED -> error(failure, 429, "rate_limit_error", "rate_limited");
            case UPSTREAM_UNAVAILABLE, CIRCUIT_OPEN -> error(failure, 503, "upstream_unavailable", "upstream_unavailable");
            case CONNECT_TIMEOUT -> error(failure, 504, "upstream_timeout", "connect_timeout");
            case FIRST_TOKEN_TIMEOUT -> error(failure, 504, "upstream_timeout", "first_token_timeout");
            case IDLE_TIMEOUT -> error(failure, 504, "upstream_timeout", "idle_timeout");
            case STREAM_TIMEOUT -> error(failure, 504, "upstream_timeout", "stream_timeout");
            case STREAM_TRUNCATED -> error(failure, 502, "upstream_error", "stream_truncated");
            case MALFORMED_STREAM -> error(failure, 502, "upstream_error", "malformed_stream");
            case EVENT_TOO_LARGE -> error(failure, 502, "upstream_error", "event_too_large");
            case UPSTREAM_ERROR -> error(failure, 502, "upstream_error",
                    upstreamCode == null ? "upstream_error" : upstreamCode);
            case CANCELLED -> error(failure, 499, "cancelled", "cancelled");
            case REQUEST_REFUSED -> error(failure, 403, "permission_denied",
                    upstreamCode == null ? "request_refused" : upstreamCode);
            case MODEL_NOT_ALLOWED -> error(failure, 403, "permission_denied", "model_not_allowed");
            case REQUESTS_PER_MINUTE -> error(failure, 429, "rate_limit_error", "rate_limited");
            case TOKENS_PER_MINUTE -> error(failure, 429, "rate_limit_error", "tokens_per_minute");
            case TOO_MANY_STREAMS -> error(failure, 429, "rate_limit_error", "too_many_streams");
            case BUDGET_EXCEEDED -> error(failure, 429, "rate_limit_error", "budget_exceeded");
        };
    }

    // The provider's 400, 404 or 422 is the caller's to fix: pass the status on.
    private static int callerStatus(int upstreamStatus) {
        return upstreamStatus >= 400 && upstreamStatus < 500 ? upstreamStatus : 400;
    }

    private static ApiError error(CompletionFailure failure, int status, String type, String code) {
        return new ApiError(status, failure.message(), type, null, code, failure.retryAfter(),
                failure.providerError().map(error -> new ProviderSaid(error, isTheProvidersAnswer(failure.kind()))));
    }

    // The provider judged the caller's request: what it said is the answer. Other failures are Sheepdog's
    // verdict on the provider (its key, its availability): a client must not read the provider's
    // "invalid_api_key" as a verdict on its own key.
    private static boolean isTheProvidersAnswer(FailureKind kind) {
        return kind == FailureKind.INVALID_REQUEST || kind == FailureKind.REQUEST_REFUSED
                || kind == FailureKind.UPSTREAM_ERROR;
    }
}
