package dev.sheepdog.bench;

/** Tokens/s of the completed requests (tokens over the time after the first token): average, median, or NaN. */
public record ThroughputSummary(long count, double avg, double p50) {

    public static final ThroughputSummary EMPTY = new ThroughputSummary(0, Double.NaN, Double.NaN);

    public boolean isEmpty() {
        return count == 0;
    }
}
