package dev.sheepdog.providers;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.RawJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place every string a provider sent back passes through before it can reach a client or a
 * log: it takes out the key (whole, or without its prefix) and anything shaped like a credential.
 * Some providers echo part or all of a refused key, in any field of their error.
 */
final class Redaction {

    // Shorter tails of a key could be ordinary words; 12 characters of a key are still a secret.
    private static final int MIN_TAIL_CHARS = 12;
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,}");
    // OpenAI, OpenRouter, Anthropic (sk-…), Groq (gsk_…), xAI (xai-…): another key of the pool may be quoted too.
    private static final Pattern KEY_SHAPED =
            Pattern.compile("(?<![A-Za-z0-9])(?:sk|gsk|xai)[-_][A-Za-z0-9_-]{12,}");
    private static final String REDACTED = "[redacted]";

    private final List<String> secrets;
    private final String replacement;

    private Redaction(ApiKey key) {
        this.secrets = key.isNone() ? List.of() : forms(key.reveal());
        this.replacement = "[key " + key.fingerprint() + "]";
    }

    static Redaction of(ApiKey key) {
        return new Redaction(key);
    }

    /** The text without the key or any credential-shaped token; null stays null. */
    String text(String text) {
        if (text == null) {
            return null;
        }
        String clean = text;
        for (String secret : secrets) {
            clean = clean.replace(secret, replacement);
        }
        clean = BEARER.matcher(clean).replaceAll(Matcher.quoteReplacement("Bearer " + REDACTED));
        return KEY_SHAPED.matcher(clean).replaceAll(Matcher.quoteReplacement(REDACTED));
    }

    /**
     * The same failure with every provider-sourced string scrubbed: message, code and the provider's
     * error object. JSON escapes are undone when the adapter re-writes that object, and no pattern
     * matches a quote, so scrubbing its text scrubs every name and value in it.
     */
    CompletionFailure failure(CompletionFailure failure) {
        return new CompletionFailure(failure.kind(), text(failure.message()), failure.upstreamStatus(),
                failure.upstreamCode().map(this::text), failure.retryAfter(),
                failure.providerError().map(raw -> new RawJson(text(raw.text()))));
    }

    // The whole key, then each tail after a '-' or '_' (the key without its "sk-" or "sk-proj-" prefix).
    private static List<String> forms(String key) {
        List<String> forms = new ArrayList<>(List.of(key));
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if ((c == '-' || c == '_') && key.length() - i - 1 >= MIN_TAIL_CHARS) {
                forms.add(key.substring(i + 1));
            }
        }
        forms.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(forms);
    }
}
