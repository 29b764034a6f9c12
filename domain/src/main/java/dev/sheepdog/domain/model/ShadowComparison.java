package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/** One request answered twice: by the endpoint that served the user, and by the shadow that got a copy. */
public record ShadowComparison(CompletionRecord live, CompletionRecord shadow) {

    public ShadowComparison {
        requireNonNull(live, "live");
        requireNonNull(shadow, "shadow");
    }
}
