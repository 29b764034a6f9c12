package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.DEBUG;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.ShadowComparison;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Sends copies of requests to shadow endpoints, each on its own virtual thread, read to the end
 * and thrown away: the user's stream never waits for one. Only so many run at once; past that a
 * copy is skipped and counted.
 */
final class ShadowMirror {

    private static final System.Logger LOG = System.getLogger("sheepdog.shadow");
    private static final Duration POLL = Duration.ofSeconds(1);

    /** Opens the shadow's stream; its records are reported to the telemetry given. */
    @FunctionalInterface
    interface Opener {
        CompletionStream open(Endpoint shadow, CompletionRequest request, Telemetry reportTo);
    }

    private final Semaphore running;
    private final Opener opener;
    private final Telemetry telemetry;

    ShadowMirror(int maxConcurrent, Opener opener, Telemetry telemetry) {
        this.running = new Semaphore(maxConcurrent);
        this.opener = opener;
        this.telemetry = telemetry;
    }

    /** Starts a copy of the request on the shadow; empty when the shadows are saturated and it was skipped. */
    Optional<ShadowPair> mirror(Endpoint shadow, CompletionRequest request) {
        if (!running.tryAcquire()) {
            telemetry.shadowSkipped(shadow.id());
            return Optional.empty();
        }
        ShadowPair pair = new ShadowPair(telemetry);
        Thread.ofVirtual().name("sheepdog-shadow-" + shadow.id()).start(() -> {
            try (CompletionStream stream = opener.open(shadow, request, record -> pair.shadowEnded(record))) {
                drain(stream);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.log(DEBUG, "shadow request to {0} failed: {1}", shadow.id(), e.getMessage());
            } finally {
                running.release();
            }
        });
        return Optional.of(pair);
    }

    private static void drain(CompletionStream stream) throws InterruptedException {
        Optional<CompletionEvent> event;
        do {
            event = stream.poll(POLL);
        } while (event.isEmpty() || !event.get().terminal());
    }

    /** The two answers to one mirrored request, reported together once both are in. */
    static final class ShadowPair {
        private final Telemetry telemetry;
        private CompletionRecord live;
        private CompletionRecord shadow;
        private boolean liveEnded;

        ShadowPair(Telemetry telemetry) {
            this.telemetry = telemetry;
        }

        /** The user's side reported an attempt; the last one before the end is the one that served them. */
        synchronized void liveRecorded(CompletionRecord record) {
            live = record;
        }

        synchronized void liveEnded() {
            liveEnded = true;
            report();
        }

        synchronized void shadowEnded(CompletionRecord record) {
            shadow = record;
            report();
        }

        private void report() {
            if (liveEnded && live != null && shadow != null) {
                telemetry.shadowCompared(new ShadowComparison(live, shadow));
                live = null;
            }
        }
    }
}
