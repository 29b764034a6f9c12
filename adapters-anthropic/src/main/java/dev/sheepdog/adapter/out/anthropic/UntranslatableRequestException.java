package dev.sheepdog.adapter.out.anthropic;

/** A request the Messages API has no way to express; the provider refuses it before any network call. */
final class UntranslatableRequestException extends RuntimeException {

    UntranslatableRequestException(String message) {
        super(message, null, false, false);
    }
}
