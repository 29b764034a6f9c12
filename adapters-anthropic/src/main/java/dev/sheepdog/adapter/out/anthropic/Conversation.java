package dev.sheepdog.adapter.out.anthropic;

import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.ContentPart;
import dev.sheepdog.domain.model.ToolUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chat as the Messages API takes it: the system prompt apart, then turns that alternate between
 * user and assistant (tool results are user-role blocks, so they merge with the user's next words).
 */
record Conversation(Optional<String> system, List<Turn> turns) {

    static final String USER = "user";
    static final String ASSISTANT = "assistant";

    /** One turn of the conversation: its role and its blocks, in order. */
    record Turn(String role, List<MessageBlock> blocks) {
        Turn {
            blocks = List.copyOf(blocks);
        }
    }

    Conversation {
        turns = List.copyOf(turns);
    }

    static Conversation of(List<ChatMessage> messages) {
        List<String> system = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        for (ChatMessage message : messages) {
            switch (message.role()) {
                // Anthropic takes instructions only at the top level, and only as text
                case SYSTEM, DEVELOPER -> {
                    if (!message.text().isEmpty()) {
                        system.add(message.text());
                    }
                }
                case USER -> append(turns, USER, contentBlocks(message.content()));
                case ASSISTANT -> append(turns, ASSISTANT, assistantBlocks(message));
                case TOOL, FUNCTION -> append(turns, USER, List.of(toolResult(message)));
            }
        }
        return new Conversation(system.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", system)),
                turns);
    }

    // The API requires user and assistant turns to alternate: a turn of the previous one's role joins it.
    private static void append(List<Turn> turns, String role, List<MessageBlock> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        if (!turns.isEmpty() && turns.getLast().role().equals(role)) {
            List<MessageBlock> merged = new ArrayList<>(turns.getLast().blocks());
            merged.addAll(blocks);
            turns.set(turns.size() - 1, new Turn(role, merged));
        } else {
            turns.add(new Turn(role, blocks));
        }
    }

    private static List<MessageBlock> contentBlocks(List<ContentPart> content) {
        List<MessageBlock> blocks = new ArrayList<>(content.size());
        for (ContentPart part : content) {
            switch (part) {
                // the API refuses empty text blocks
                case ContentPart.Text text when text.text().isEmpty() -> { }
                case ContentPart.Text text -> blocks.add(new MessageBlock.Text(text.text()));
                case ContentPart.Image image -> blocks.add(new MessageBlock.Image(image));
            }
        }
        return blocks;
    }

    private static List<MessageBlock> assistantBlocks(ChatMessage message) {
        List<MessageBlock> blocks = new ArrayList<>(contentBlocks(message.content()));
        for (ToolUse use : message.toolUses()) {
            blocks.add(new MessageBlock.ToolUse(use));
        }
        return blocks;
    }

    // A legacy function result has no call id; its function's name is the best there is.
    private static MessageBlock toolResult(ChatMessage message) {
        String id = message.toolCallId().or(message::name).orElseThrow(() -> new UntranslatableRequestException(
                "a tool message needs the tool_call_id of the call it answers"));
        return new MessageBlock.ToolResult(id, message.content());
    }
}
