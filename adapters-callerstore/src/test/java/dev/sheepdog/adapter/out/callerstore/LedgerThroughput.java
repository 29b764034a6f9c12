package dev.sheepdog.adapter.out.callerstore;

import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.caller.CallerKind;
import dev.sheepdog.domain.model.caller.UsageRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A benchmark, not a test: how many usage records per second {@link H2UsageLedger#record} takes from 1, 16, 64
 * and 256 virtual threads at once, each run on a fresh database in a temp directory.
 * Arguments: records per run (default 20000), then the thread counts (default 1 16 64 256).
 */
public final class LedgerThroughput {

    private static final int ACCOUNTS = 50;

    private LedgerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<Integer> threadCounts = args.length > 1
                ? Stream.of(args).skip(1).map(Integer::valueOf).toList() : List.of(1, 16, 64, 256);
        run(16, 2_000, false); // warms the JIT and H2 up; not reported
        for (int threads : threadCounts) {
            run(threads, records, true);
        }
    }

    private static void run(int threads, int records, boolean report) throws Exception {
        Path directory = Files.createTempDirectory("ledger-throughput");
        AtomicLong failed = new AtomicLong();
        long started;
        long elapsed;
        try (CallerDatabase database = CallerDatabase.open(directory);
             ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int first = records * t / threads;
                int last = records * (t + 1) / threads;
                done.add(executor.submit(() -> {
                    for (int i = first; i < last; i++) {
                        try {
                            database.usageLedger().record(record(i));
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
            elapsed = System.nanoTime() - started;
        } finally {
            deleteAll(directory);
        }
        if (report) {
            double seconds = elapsed / 1e9;
            System.out.printf("threads=%-4d records=%d failed=%d seconds=%.2f records/s=%.0f%n",
                    threads, records, failed.get(), seconds, (records - failed.get()) / seconds);
        }
    }

    /** As the gateway writes them: stamped when the completion ends, across a few dozen accounts and models. */
    private static UsageRecord record(int i) {
        String account = "client:cl_0000000000" + String.format("%02d", i % ACCOUNTS);
        return new UsageRecord(Instant.now(), account, CallerKind.CLIENT, "bench " + (i % ACCOUNTS),
                "model-" + (i % 5), Optional.of("primary"), 1_200, 350, false, Optional.of(new BigDecimal("0.000731")),
                Optional.of(Duration.ofMillis(240)), CompletionOutcome.COMPLETED, Optional.empty());
    }

    private static void deleteAll(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
