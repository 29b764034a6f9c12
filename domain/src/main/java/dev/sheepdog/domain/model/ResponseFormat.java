package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** The shape the answer must take: free text, any JSON object, or JSON that follows a named schema. */
public record ResponseFormat(Kind kind, Optional<String> schemaName, Optional<RawJson> schema) {

    public enum Kind { TEXT, JSON_OBJECT, JSON_SCHEMA }

    public static final ResponseFormat TEXT = new ResponseFormat(Kind.TEXT, Optional.empty(), Optional.empty());
    public static final ResponseFormat JSON_OBJECT =
            new ResponseFormat(Kind.JSON_OBJECT, Optional.empty(), Optional.empty());

    public ResponseFormat {
        requireNonNull(kind, "kind");
        requireNonNull(schemaName, "schemaName");
        requireNonNull(schema, "schema");
        if ((kind == Kind.JSON_SCHEMA) != schema.isPresent()) {
            throw new IllegalArgumentException("a schema goes with the JSON_SCHEMA kind, and only with it");
        }
    }

    public static ResponseFormat jsonSchema(String name, RawJson schema) {
        return new ResponseFormat(Kind.JSON_SCHEMA, Optional.of(name), Optional.of(schema));
    }
}
