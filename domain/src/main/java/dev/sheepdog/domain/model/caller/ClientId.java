package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The public name of a client key ({@code cl_} and 12 hex digits): safe to log, never a secret. */
public record ClientId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public ClientId {
        requireNonNull(value, "value");
        if (!value.matches("cl_[0-9a-f]{12}")) {
            throw new IllegalArgumentException("a client id is cl_ and 12 hex digits: " + value);
        }
    }

    public static ClientId random() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return new ClientId("cl_" + HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
