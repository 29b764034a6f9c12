package dev.sheepdog.adapter.out.callerstore;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Group commit: one thread writes all that is queued in one transaction; each submitter waits for that commit. */
final class GroupCommit<T> implements AutoCloseable {

    /** Writes one batch in one transaction, or throws having committed none of it. */
    @FunctionalInterface
    interface BatchWriter<T> {
        void write(List<T> batch);
    }

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private record Pending<T>(T item, CompletableFuture<Void> committed) {
    }

    private final String target;
    private final int capacity;
    private final int maxBatch;
    private final Duration fullWait;
    private final BatchWriter<T> writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Pending<T>> queue = new ArrayDeque<>();
    private final Thread thread;
    private boolean closing;

    private GroupCommit(String name, String target, int capacity, int maxBatch, Duration fullWait,
                        BatchWriter<T> writer) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
        this.target = requireNonNull(target, "target");
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.fullWait = requireNonNull(fullWait, "fullWait");
        this.writer = requireNonNull(writer, "writer");
        // A platform thread: H2 blocks inside synchronized code, which would pin a virtual thread on JDK 21
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::writeUntilClosed);
    }

    /**
     * Starts the writer thread, named {@code name}.
     *
     * @param target   what is written to, for messages ("the caller database /data/sheepdog-callers.mv.db")
     * @param capacity how many items may wait to be written; beyond that {@link #submit} waits up to {@code fullWait}
     * @param maxBatch the most items one transaction writes
     */
    static <T> GroupCommit<T> start(String name, String target, int capacity, int maxBatch, Duration fullWait,
                                    BatchWriter<T> writer) {
        GroupCommit<T> groupCommit = new GroupCommit<>(name, target, capacity, maxBatch, fullWait, writer);
        groupCommit.thread.start();
        return groupCommit;
    }

    /**
     * Queues the item and returns once the batch holding it is committed.
     *
     * @param what what the caller does, for messages ("record usage of client:cl_...")
     * @throws CallerStoreException when closed, when the queue stayed full past the deadline, or when the batch failed
     */
    void submit(T item, String what) {
        Pending<T> pending = new Pending<>(requireNonNull(item, "item"), new CompletableFuture<>());
        enqueue(pending, what);
        try {
            pending.committed().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new CallerStoreException(cause instanceof CallerStoreException ? cause.getMessage()
                    : "cannot " + what + " in " + target + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallerStoreException("cannot " + what + ": interrupted while waiting for the commit to " + target
                    + " (it may still be written)", e);
        }
    }

    private void enqueue(Pending<T> pending, String what) {
        lock.lock();
        try {
            long nanos = fullWait.toNanos();
            while (!closing && queue.size() >= capacity) {
                if (nanos <= 0) {
                    throw new CallerStoreException("cannot " + what + ": " + capacity + " writes have been waiting for "
                            + target + " for longer than " + fullWait.toMillis() + " ms; the disk cannot keep up");
                }
                nanos = notFull.awaitNanos(nanos);
            }
            if (closing) {
                throw new CallerStoreException("cannot " + what + ": " + target + " is closed");
            }
            queue.add(pending);
            notEmpty.signal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallerStoreException("cannot " + what + ": interrupted while waiting for room in the queue", e);
        } finally {
            lock.unlock();
        }
    }

    private void writeUntilClosed() {
        for (List<Pending<T>> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
            try {
                writer.write(batch.stream().map(Pending::item).toList());
                batch.forEach(pending -> pending.committed().complete(null));
            } catch (Throwable e) { // whatever it is, the waiters hear of it rather than wait forever
                if (batch.size() == 1) {
                    batch.getFirst().committed().completeExceptionally(e);
                } else {
                    batch.forEach(this::writeAlone); // so that one bad item fails only its own caller
                }
            }
        }
    }

    private void writeAlone(Pending<T> pending) {
        try {
            writer.write(List.of(pending.item()));
            pending.committed().complete(null);
        } catch (Throwable e) {
            pending.committed().completeExceptionally(e);
        }
    }

    /** Everything queued, up to maxBatch, once there is something; empty only when closed and drained. */
    private List<Pending<T>> nextBatch() {
        lock.lock();
        try {
            while (queue.isEmpty() && !closing) {
                notEmpty.awaitUninterruptibly();
            }
            List<Pending<T>> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
            while (batch.size() < maxBatch && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            notFull.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** How many items wait for the writer, not counting the batch it is writing. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new items, writes every queued one, and stops the writer thread. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            // Bounded so that a stuck disk cannot hang shutdown; what is still queued then fails when the pool is gone
            thread.join(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
