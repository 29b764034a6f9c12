package dev.sheepdog.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.Histogram;

/** Collects the results of one target's requests (from many threads) into histograms. */
public final class TargetStats {

    // Microsecond resolution, 3 significant digits: 0.1% error at any latency; the histograms grow as needed.
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram ttftMicros = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram totalMicros = new Histogram(SIGNIFICANT_DIGITS);
    private final DoubleHistogram tokensPerSecond = new DoubleHistogram(SIGNIFICANT_DIGITS);
    private final Map<String, Long> errors = new HashMap<>();
    private double ttftSum;
    private long ttftMax;
    private double totalSum;
    private long totalMax;
    private double tokensPerSecondSum;
    private long requests;
    private long succeeded;
    private long tokens;
    private long busyNanos;

    public synchronized void record(RequestResult result) {
        requests++;
        busyNanos += result.totalNanos();
        if (result.error().isPresent()) {
            errors.merge(result.error().get(), 1L, Long::sum);
            return;
        }
        succeeded++;
        tokens += result.tokens();
        long total = micros(result.totalNanos());
        totalMicros.recordValue(total);
        totalSum += total;
        totalMax = Math.max(totalMax, total);
        if (result.ttftNanos().isPresent()) {
            long ttft = micros(result.ttftNanos().getAsLong());
            ttftMicros.recordValue(ttft);
            ttftSum += ttft;
            ttftMax = Math.max(ttftMax, ttft);
            long generating = result.totalNanos() - result.ttftNanos().getAsLong();
            if (result.tokens() > 0 && generating > 0) {
                double rate = result.tokens() / (generating / 1e9);
                tokensPerSecond.recordValue(rate);
                tokensPerSecondSum += rate;
            }
        }
    }

    /** The report for this target; {@code concurrency} turns its busy time into a request rate. */
    public synchronized TargetReport report(String label, String url, int concurrency) {
        long rates = tokensPerSecond.getTotalCount();
        ThroughputSummary throughput = rates == 0 ? ThroughputSummary.EMPTY
                : new ThroughputSummary(rates, tokensPerSecondSum / rates, tokensPerSecond.getValueAtPercentile(50));
        double busySeconds = busyNanos / 1e9;
        double requestsPerSecond = busySeconds == 0 ? 0 : requests / (busySeconds / concurrency);
        return new TargetReport(label, url, requests, succeeded, errors,
                LatencySummary.of(ttftMicros, ttftSum, ttftMax), LatencySummary.of(totalMicros, totalSum, totalMax),
                throughput, tokens, busySeconds, requestsPerSecond);
    }

    private static long micros(long nanos) {
        return TimeUnit.NANOSECONDS.toMicros(nanos);
    }
}
