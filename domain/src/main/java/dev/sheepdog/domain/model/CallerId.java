package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/**
 * Who is asking, as far as routing cares: the request's {@code user}, a header the frontend sets,
 * or the client's address. The same caller is kept on the same side of a canary split.
 */
public record CallerId(String value) {

    public CallerId {
        requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
