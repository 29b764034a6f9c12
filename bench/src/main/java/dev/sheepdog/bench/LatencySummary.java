package dev.sheepdog.bench;

import org.HdrHistogram.Histogram;

/** Average, percentiles and maximum of one kind of timing, in milliseconds; with no sample, every number is NaN. */
public record LatencySummary(long count, double avgMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    public static final LatencySummary EMPTY = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

    /**
     * Summarizes a histogram of microseconds. The average and maximum are exact (kept beside the histogram);
     * the percentiles are within the histogram's precision.
     */
    static LatencySummary of(Histogram micros, double sumMicros, long maxMicros) {
        long count = micros.getTotalCount();
        if (count == 0) {
            return EMPTY;
        }
        return new LatencySummary(count, sumMicros / count / 1000.0, percentile(micros, 50, maxMicros),
                percentile(micros, 95, maxMicros), percentile(micros, 99, maxMicros), maxMicros / 1000.0);
    }

    // HdrHistogram answers with the highest value of the percentile's bucket, which may lie above every
    // value recorded: no percentile is above the exact maximum.
    private static double percentile(Histogram micros, double percentile, long maxMicros) {
        return Math.min(micros.getValueAtPercentile(percentile), maxMicros) / 1000.0;
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
