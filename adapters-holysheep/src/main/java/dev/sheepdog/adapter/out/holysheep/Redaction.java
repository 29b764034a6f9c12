package dev.sheepdog.adapter.out.holysheep;

import dev.sheepdog.domain.model.ApiKey;

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
}
