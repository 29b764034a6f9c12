package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import java.util.regex.Pattern;

/** One gateway process of a fleet, as it signs what it reports; a new one each start, so a restart is a new instance. */
public record InstanceId(String value) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public InstanceId {
        requireNonNull(value, "value");
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("an instance id is 1-63 letters, digits, '.', '_' or '-': " + value);
        }
    }

    /** A fresh id, unique enough that two gateways never share one. */
    public static InstanceId random() {
        return new InstanceId("gw-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
