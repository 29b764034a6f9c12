package dev.sheepdog.adapter.in.http;

import java.util.Locale;

/**
 * Sheepdog's words for the errors Jetty answers by itself, before any route runs: a request that
 * is not valid HTTP, a URI or headers too long, an HTTP version it does not speak, a request that
 * arrives while the gateway stops.
 */
final class HttpProtocolErrors {

    private HttpProtocolErrors() {
    }

    /** @param reason Jetty's reason, read only to choose the words; it never reaches the caller */
    static ApiError of(int status, String reason) {
        return switch (status) {
            case 400 -> invalid(400, "The request is not valid HTTP: " + detail(reason) + ".", "invalid_http_request");
            case 404 -> invalid(404, "Unknown route.", "unknown_route");
            case 405 -> invalid(405, "This route does not take that method.", "method_not_allowed");
            case 408 -> invalid(408, "The request did not arrive in time.", "request_timeout");
            case 411 -> invalid(411, "The request needs a Content-Length header or a chunked body.", "length_required");
            case 413 -> invalid(413, "The request is larger than this gateway accepts.", "request_too_large");
            case 414 -> invalid(414, "The request's URI is longer than this gateway accepts.", "uri_too_long");
            case 415 -> invalid(415, "The request's Content-Type is not one this route takes.", "unsupported_media_type");
            case 417 -> invalid(417, "The only expectation this gateway meets is 'Expect: 100-continue'.",
                    "expectation_failed");
            case 426, 505 -> invalid(status, "This gateway speaks HTTP/1.1 and HTTP/1.0: send the request in one "
                    + "of them.", "http_version_not_supported");
            case 431 -> invalid(431, "The request's headers are larger than this gateway accepts.", "headers_too_large");
            // Jetty's request draining turns every new request away while the open streams finish.
            case 503 -> GatewayErrors.SHUTTING_DOWN;
            default -> status >= 400 && status < 500
                    ? invalid(status, "The request was refused (HTTP " + status + ").", "invalid_http_request")
                    : GatewayErrors.INTERNAL;
        };
    }

    private static String detail(String reason) {
        String said = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (said.contains("host") || said.contains("authority")) {
            return "its Host header is missing, repeated or differs from the request's URI";
        }
        if (said.contains("content-length") || said.contains("transfer-encoding") || said.contains("chunk")) {
            return "its Content-Length or Transfer-Encoding header is invalid";
        }
        if (said.contains("uri") || said.contains("path") || said.contains("method")) {
            return "its request line does not hold a method and a valid path";
        }
        if (said.contains("character") || said.contains("header")) {
            return "a header line holds a character HTTP does not allow there";
        }
        return "it does not follow HTTP/1.1's syntax";
    }

    private static ApiError invalid(int status, String message, String code) {
        return new ApiError(status, message, "invalid_request_error", null, code);
    }
}
