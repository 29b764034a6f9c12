package dev.sheepdog.adapter.in.http;

/** A request the API refuses before reaching the domain: its error says what to fix. */
final class InvalidRequestException extends Exception {

    private final transient ApiError error;

    InvalidRequestException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    static InvalidRequestException of(String message, String param, String code) {
        return new InvalidRequestException(ApiError.invalidRequest(message, param, code));
    }

    ApiError error() {
        return error;
    }
}
