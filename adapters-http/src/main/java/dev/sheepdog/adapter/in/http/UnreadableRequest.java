package dev.sheepdog.adapter.in.http;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/** Tells a failure to read what the caller sent (broken framing, a body cut short) from a fault of the gateway. */
final class UnreadableRequest {

    private UnreadableRequest() {
    }

    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException || cause instanceof EofException) {
                return true;
            }
        }
        return false;
    }
}
