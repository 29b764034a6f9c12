package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Whether and which tools the model must call: as it sees fit, none, at least one, or one named tool. */
public record ToolChoice(Mode mode, Optional<String> toolName) {

    public enum Mode { AUTO, NONE, REQUIRED, NAMED }

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, Optional.empty());
    public static final ToolChoice NONE = new ToolChoice(Mode.NONE, Optional.empty());
    public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, Optional.empty());

    public ToolChoice {
        requireNonNull(mode, "mode");
        requireNonNull(toolName, "toolName");
        if ((mode == Mode.NAMED) != toolName.isPresent()) {
            throw new IllegalArgumentException("a tool name goes with the NAMED mode, and only with it");
        }
    }

    public static ToolChoice named(String toolName) {
        return new ToolChoice(Mode.NAMED, Optional.of(toolName));
    }
}
