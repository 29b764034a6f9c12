package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** The name of an endpoint, e.g. {@code holysheep-primary}: used in config, logs, metrics and the admin API. */
public record EndpointId(String value) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public EndpointId {
        requireNonNull(value, "value");
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "an endpoint id is 1-63 lower-case letters, digits, '.', '_' or '-': " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
