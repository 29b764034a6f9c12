package dev.sheepdog.adapter.out.callerstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GroupCommitTest {

    private final List<List<String>> written = new CopyOnWriteArrayList<>();
    private final CountDownLatch writerIsWriting = new CountDownLatch(1);
    private final CountDownLatch writerMayGoOn = new CountDownLatch(1);

    /** Holds the writer inside its first batch until writerMayGoOn opens, and refuses any batch holding "bad". */
    private void write(List<String> batch) {
        writerIsWriting.countDown();
        try {
            writerMayGoOn.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (batch.contains("bad")) {
            throw new CallerStoreException("cannot write bad");
        }
        written.add(batch);
    }

    private GroupCommit<String> groupCommit(int capacity) {
        return GroupCommit.start("test-writer", "the test store", capacity, 100, Duration.ofMillis(200), this::write);
    }

    @Test
    @Timeout(30)
    void whatArrivesWhileABatchIsWrittenGoesTogetherInTheNextAndEachSubmitReturnsAfterItsOwn() throws Exception {
        try (GroupCommit<String> commit = groupCommit(100);
             ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = executor.submit(() -> commit.submit("first", "write first"));
            writerIsWriting.await();
            List<CompletableFuture<Void>> next = List.of("a", "b", "c").stream()
                    .map(item -> CompletableFuture.runAsync(() -> commit.submit(item, "write " + item), executor))
                    .toList();
            awaitQueued(commit, 3);
            assertThat(first).isNotDone();

            writerMayGoOn.countDown();
            first.get();
            CompletableFuture.allOf(next.toArray(CompletableFuture[]::new)).get();

            assertThat(written).hasSize(2);
            assertThat(written.get(0)).containsExactly("first");
            assertThat(written.get(1)).containsExactlyInAnyOrder("a", "b", "c");
        }
    }

    @Test
    @Timeout(30)
    void aFullQueueRefusesAfterItsDeadlineRatherThanBlockForever() throws Exception {
        try (GroupCommit<String> commit = groupCommit(2);
             ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            executor.submit(() -> commit.submit("taken by the writer", "write"));
            writerIsWriting.await();
            executor.submit(() -> commit.submit("queued 1", "write"));
            executor.submit(() -> commit.submit("queued 2", "write"));
            awaitQueued(commit, 2);

            assertThatThrownBy(() -> commit.submit("one too many", "write one too many"))
                    .isInstanceOf(CallerStoreException.class)
                    .hasMessageContaining("cannot write one too many: 2 writes have been waiting for the test store")
                    .hasMessageContaining("200 ms");
            writerMayGoOn.countDown();
        }
        assertThat(written).flatMap(batch -> batch).containsExactlyInAnyOrder("taken by the writer", "queued 1",
                "queued 2");
    }

    @Test
    @Timeout(30)
    void aBatchThatFailsIsWrittenOneByOneSoOnlyTheBadItemsCallerHearsOfIt() throws Exception {
        try (GroupCommit<String> commit = groupCommit(100);
             ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = executor.submit(() -> commit.submit("first", "write first"));
            writerIsWriting.await();
            var good = executor.submit(() -> commit.submit("good", "write good"));
            var bad = executor.submit(() -> commit.submit("bad", "write bad"));
            awaitQueued(commit, 2);

            writerMayGoOn.countDown();

            first.get();
            good.get();
            assertThatThrownBy(bad::get).cause().isInstanceOf(CallerStoreException.class)
                    .hasMessage("cannot write bad");
        }
        assertThat(written).flatMap(batch -> batch).containsExactlyInAnyOrder("first", "good");
    }

    @Test
    @Timeout(30)
    void closeWritesWhatIsQueuedThenRefusesMore() throws Exception {
        GroupCommit<String> commit = groupCommit(100);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = executor.submit(() -> commit.submit("first", "write first"));
            writerIsWriting.await();
            var queued = executor.submit(() -> commit.submit("queued", "write queued"));
            awaitQueued(commit, 1);
            Thread closer = Thread.ofPlatform().start(commit::close);
            while (closer.getState() != Thread.State.TIMED_WAITING) { // waiting for the writer to finish
                Thread.sleep(1);
            }

            writerMayGoOn.countDown();
            closer.join();

            first.get();
            queued.get();
        }
        assertThat(written).flatMap(batch -> batch).containsExactly("first", "queued");
        assertThatThrownBy(() -> commit.submit("late", "write late"))
                .isInstanceOf(CallerStoreException.class)
                .hasMessage("cannot write late: the test store is closed");
    }

    /** Waits until exactly this many items wait in the queue for the writer. */
    private static void awaitQueued(GroupCommit<String> commit, int count) throws InterruptedException {
        while (commit.queued() != count) {
            Thread.sleep(1);
        }
    }
}
