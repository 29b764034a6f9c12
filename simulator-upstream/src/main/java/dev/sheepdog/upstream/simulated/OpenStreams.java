package dev.sheepdog.upstream.simulated;

import dev.sheepdog.domain.model.CompletionStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated streams being answered, so that stopping the server closes them all: a handler
 * waiting on a silent stream (hang, stall) wakes at once instead of holding the stop.
 */
final class OpenStreams {

    private final Set<CompletionStream> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    void add(CompletionStream stream) {
        streams.add(stream);
        if (stopping) {
            stream.close(); // opened while the server was stopping: closeAll may have missed it
        }
    }

    void remove(CompletionStream stream) {
        streams.remove(stream);
    }

    void closeAll() {
        stopping = true;
        streams.forEach(CompletionStream::close);
    }
}
