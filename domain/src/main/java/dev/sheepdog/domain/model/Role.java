package dev.sheepdog.domain.model;

import java.util.Locale;
import java.util.Optional;

/** Who wrote a message of a conversation, with the names the OpenAI chat format gives them. */
public enum Role {
    SYSTEM,
    DEVELOPER,
    USER,
    ASSISTANT,
    TOOL,
    FUNCTION;

    /** The role's name on the wire, e.g. {@code "assistant"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with that wire name, or empty for a name the chat format does not have. */
    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
