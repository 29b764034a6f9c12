package dev.sheepdog.domain.service.caller;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import java.time.Duration;
import java.util.Optional;

/**
 * A completion stream that settles its caller's accounts once, when its reader closes it: after the
 * terminal event was handed out, so that the client has its last chunk (and {@code [DONE]}) without
 * waiting for the usage record to be written, while the response itself still ends only once it is.
 */
final class AdmittedStream implements CompletionStream {

    private final CompletionStream inner;
    private final Accounting accounting;
    private volatile CompletionEvent terminal;

    AdmittedStream(CompletionStream inner, Accounting accounting) {
        this.inner = inner;
        this.accounting = accounting;
    }

    @Override
    public Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException {
        Optional<CompletionEvent> next = inner.poll(maxWait);
        if (next.isPresent() && next.get().terminal()) {
            terminal = next.get();
        }
        return next;
    }

    @Override
    public void close() {
        try {
            inner.close();
        } finally {
            accounting.settle(Optional.ofNullable(terminal));
        }
    }
}
