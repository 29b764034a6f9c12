package dev.sheepdog.adapter.out.holysheep;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;

/**
 * Removes a key from text a provider sent back before it goes anywhere: some providers echo part
 * or all of a refused key in their error message.
 */
final class Redaction {

    private Redaction() {
    }

    static String scrub(String text, ApiKey key) {
        if (key.isNone() || text == null) {
            return text;
        }
        return text.replace(key.reveal(), "[key " + key.fingerprint() + "]");
    }

    /** The same failure, with the key taken out of its message wherever the provider put it. */
    static CompletionFailure scrub(CompletionFailure failure, ApiKey key) {
        String message = scrub(failure.message(), key);
        return message.equals(failure.message()) ? failure : new CompletionFailure(failure.kind(), message,
                failure.upstreamStatus(), failure.upstreamCode(), failure.retryAfter());
    }
}
