package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A tool the model may call: its name, what it does, and its parameters as a JSON Schema object. */
public record Tool(String name, Optional<String> description, RawJson parameters) {

    public Tool {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tool needs a name");
        }
        requireNonNull(description, "description");
        requireNonNull(parameters, "parameters");
    }
}
