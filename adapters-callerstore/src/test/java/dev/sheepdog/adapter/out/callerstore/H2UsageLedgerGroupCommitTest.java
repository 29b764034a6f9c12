package dev.sheepdog.adapter.out.callerstore;

import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageQuery.GroupBy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class H2UsageLedgerGroupCommitTest {

    private static final UsageQuery EVERYTHING = new UsageQuery(Instant.EPOCH, Instant.MAX, Optional.empty(),
            Optional.empty(), GroupBy.ACCOUNT);

    @TempDir
    Path directory;

    @Test
    @Timeout(120)
    void twoHundredFiftySixConcurrentRecordersAllReturnAndEveryRecordAddsUpExactly() throws Exception {
        int recorders = 256;
        int each = 20;
        try (CallerDatabase database = CallerDatabase.open(directory);
             ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < recorders; r++) {
                String account = "client:cl_00000000000" + (r % 8);
                done.add(executor.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        database.usageLedger().record(usage(T0.plusMillis(i), account, "m" + (i % 3), "0.0000001"));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> recorder : done) {
                recorder.get();
            }

            List<UsageLine> lines = database.usageLedger().summarize(EVERYTHING);
            assertThat(lines).hasSize(8).allSatisfy(line -> {
                assertThat(line.requests()).isEqualTo(recorders / 8 * each);
                assertThat(line.inputTokens()).isEqualTo(recorders / 8 * each * 100L);
                assertThat(line.outputTokens()).isEqualTo(recorders / 8 * each * 20L);
                assertThat(line.costUsd()).isEqualByComparingTo("0.000064");
            });
            assertThat(database.usageLedger().spentSince("client:cl_000000000003", T0)).isEqualByComparingTo("0.000064");
        }
    }

    @Test
    @Timeout(60)
    void closingWhileRecordersWaitWritesTheirRecordsOrTellsThemSoAndKeepsExactlyTheOnesThatReturned()
            throws Exception {
        int recorders = 256;
        AtomicInteger returned = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = new ArrayList<>();
        CallerDatabase database = CallerDatabase.open(directory);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch started = new CountDownLatch(recorders);
            for (int r = 0; r < recorders; r++) {
                executor.submit(() -> {
                    started.countDown();
                    for (int i = 0; ; i++) {
                        try {
                            database.usageLedger().record(usage(T0.plusMillis(i), "user:closing", "m", "0.001"));
                            returned.incrementAndGet();
                        } catch (CallerStoreException e) {
                            refused.incrementAndGet();
                            return;
                        } catch (RuntimeException e) {
                            synchronized (unexpected) {
                                unexpected.add(e);
                            }
                            return;
                        }
                    }
                });
            }
            started.await();
            while (returned.get() < 1_000) {
                Thread.sleep(5);
            }
            database.close();
        }

        assertThat(unexpected).isEmpty();
        assertThat(refused).hasValue(recorders);
        try (CallerDatabase reopened = CallerDatabase.open(directory)) {
            assertThat(reopened.usageLedger().summarize(EVERYTHING)).singleElement()
                    .satisfies(line -> assertThat(line.requests()).isEqualTo(returned.get()));
        }
    }
}
