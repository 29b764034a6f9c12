package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One message of a conversation, in no provider's format.
 *
 * @param content    its text and image parts, in order
 * @param toolUses   the tool calls an assistant message made
 * @param toolCallId for a {@link Role#TOOL} message, the call whose result it is
 * @param name       the name the client gave the message's author, when it gave one
 */
public record ChatMessage(Role role, List<ContentPart> content, List<ToolUse> toolUses,
                          Optional<String> toolCallId, Optional<String> name) {

    public ChatMessage {
        requireNonNull(role, "role");
        content = List.copyOf(content);
        toolUses = List.copyOf(toolUses);
        requireNonNull(toolCallId, "toolCallId");
        requireNonNull(name, "name");
    }

    /** A message of plain text. */
    public ChatMessage(Role role, String text) {
        this(role, text.isEmpty() ? List.of() : List.of(new ContentPart.Text(text)), List.of(), Optional.empty(),
                Optional.empty());
    }

    /** The message's text parts, joined: what a prompt-size estimate or a simulated answer reads. */
    public String text() {
        if (content.size() == 1 && content.get(0) instanceof ContentPart.Text only) {
            return only.text();
        }
        StringBuilder text = new StringBuilder();
        for (ContentPart part : content) {
            if (part instanceof ContentPart.Text piece) {
                text.append(piece.text());
            }
        }
        return text.toString();
    }
}
