package dev.sheepdog.upstream.simulated;

/** A request body the simulated upstream refuses, with the OpenAI error that says why. */
final class InvalidRequestException extends Exception {

    private final transient OpenAiError error;

    InvalidRequestException(OpenAiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    static InvalidRequestException of(String message, String param, String code) {
        return new InvalidRequestException(OpenAiError.invalidRequest(message, param, code));
    }

    OpenAiError error() {
        return error;
    }
}
