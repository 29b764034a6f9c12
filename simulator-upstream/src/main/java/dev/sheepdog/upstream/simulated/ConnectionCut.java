package dev.sheepdog.upstream.simulated;

import java.io.IOException;

/**
 * Thrown out of a handler to break the connection mid-body. The JDK server closes the socket of
 * an exchange whose handler fails before the body was finished, so the client never receives the
 * last chunk of the chunked encoding and sees a premature end of stream, not a clean end.
 */
final class ConnectionCut extends IOException {

    ConnectionCut(String why) {
        super(why, null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // thrown on purpose, on every cut: the trace would only cost time
    }
}
