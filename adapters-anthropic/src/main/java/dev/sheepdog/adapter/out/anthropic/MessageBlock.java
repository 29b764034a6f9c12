package dev.sheepdog.adapter.out.anthropic;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.ContentPart;
import java.util.List;

/** One content block of a Messages API turn, before it is written. */
sealed interface MessageBlock {

    record Text(String text) implements MessageBlock {
        public Text {
            requireNonNull(text, "text");
        }
    }

    record Image(ContentPart.Image image) implements MessageBlock {
        public Image {
            requireNonNull(image, "image");
        }
    }

    record ToolUse(dev.sheepdog.domain.model.ToolUse use) implements MessageBlock {
        public ToolUse {
            requireNonNull(use, "use");
        }
    }

    /** A tool's result: user-role in Anthropic's format, tied to the call by its id. */
    record ToolResult(String toolUseId, List<ContentPart> content) implements MessageBlock {
        public ToolResult {
            requireNonNull(toolUseId, "toolUseId");
            content = List.copyOf(content);
        }
    }
}
