package dev.sheepdog.adapter.out.holysheep;

import java.io.IOException;

/** The ways a call can go, from a circuit breaker's point of view, and how a scripted provider plays each. */
enum BreakerCall {
    COMPLETE, CUT_AFTER_FIRST_TOKEN, CUT_BEFORE_ANY_CHUNK, CLOSED_EARLY, STATUS_400, STATUS_429, STATUS_503;

    /** The HTTP status a provider answers with, or 0 for the calls a {@link ScriptedUpstream} plays. */
    int status() {
        return name().startsWith("STATUS_") ? Integer.parseInt(name().substring("STATUS_".length())) : 0;
    }

    void play(ScriptedUpstream.Response response) throws IOException, InterruptedException {
        switch (this) {
            case COMPLETE -> response.streamHeaders().chunk("Xin").finish().write("data: [DONE]\n\n").end();
            case CUT_AFTER_FIRST_TOKEN -> response.streamHeaders().chunk("Xin").cut();
            case CUT_BEFORE_ANY_CHUNK -> response.streamHeaders().cut();
            // The reader leaves long before this ends.
            case CLOSED_EARLY -> {
                response.streamHeaders();
                Thread.sleep(5_000);
            }
            default -> throw new IllegalStateException(this + " is an HTTP status, not a script");
        }
    }
}
