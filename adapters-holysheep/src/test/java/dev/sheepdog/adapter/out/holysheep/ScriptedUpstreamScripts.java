package dev.sheepdog.adapter.out.holysheep;

import java.io.IOException;

/** Behaviours of a misbehaving provider that several tests share. */
final class ScriptedUpstreamScripts {

    private ScriptedUpstreamScripts() {
    }

    /** A model that never stops: a token every 20 ms until the client leaves. */
    static void endlessTokens(ScriptedUpstream.Response response) throws IOException, InterruptedException {
        response.streamHeaders();
        while (true) {
            response.chunk("tok");
            Thread.sleep(20);
        }
    }
}
