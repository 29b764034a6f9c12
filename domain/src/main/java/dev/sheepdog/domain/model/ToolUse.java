package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/** A tool call the assistant made earlier in the conversation: its id, the tool, and its JSON arguments as text. */
public record ToolUse(String id, String name, String arguments) {

    public ToolUse {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(arguments, "arguments");
    }
}
