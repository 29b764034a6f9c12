package dev.sheepdog.bench;

/** Told after every request, from the workers' threads, how far a benchmark is. */
@FunctionalInterface
public interface BenchProgress {

    /** Reports nothing. */
    BenchProgress NONE = (warmup, done, total, failed) -> {
    };

    /**
     * @param warmup true while the unmeasured warm-up requests run
     * @param done   requests of the current phase finished so far
     * @param total  requests of the current phase
     * @param failed of the {@code done}, those that failed
     */
    void update(boolean warmup, int done, int total, int failed);
}
