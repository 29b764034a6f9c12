package dev.sheepdog.adapter.out.anthropic;

import dev.sheepdog.domain.model.FinishReason;

/** Anthropic's stop reasons in the gateway's terms. */
final class StopReasons {

    private StopReasons() {
    }

    static FinishReason finishReason(String stopReason) {
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER; // pause_turn, and reasons added later
        };
    }
}
