package dev.sheepdog.domain.service.caller;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import java.time.Duration;
import java.util.Optional;

/** A completion stream that settles its caller's accounts once, when it ends or is closed. */
final class AdmittedStream implements CompletionStream {

    private final CompletionStream inner;
    private final Accounting accounting;

    AdmittedStream(CompletionStream inner, Accounting accounting) {
        this.inner = inner;
        this.accounting = accounting;
    }

    @Override
    public Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException {
        Optional<CompletionEvent> next = inner.poll(maxWait);
        if (next.isPresent() && next.get().terminal()) {
            accounting.settle(next);
        }
        return next;
    }

    @Override
    public void close() {
        try {
            inner.close();
        } finally {
            accounting.settle(Optional.empty());
        }
    }
}
