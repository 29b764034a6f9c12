package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/**
 * The name of a wire format, such as a provider's chunk or a client's request body. The domain never
 * reads such bytes; it only lets an adapter hand them to another adapter that speaks the same format.
 */
public record WireFormat(String name) {

    public WireFormat {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a wire format needs a name");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
