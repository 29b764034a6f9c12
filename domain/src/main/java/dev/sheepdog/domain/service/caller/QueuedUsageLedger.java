package dev.sheepdog.domain.service.caller;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageRecord;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A shared ledger as a gateway keeps it through an outage of its database: a record the ledger cannot
 * take waits in a bounded queue, and a writer of its own writes the waiting records, oldest first,
 * once the ledger takes them again, so none is lost while the queue has room. What does not fit is
 * counted and logged. While records wait, new ones wait behind them, and what an account spent
 * counts its waiting records too, so budgets still see them.
 */
public final class QueuedUsageLedger implements UsageLedger, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("sheepdog.usage");

    private final UsageLedger ledger;
    private final int capacity;
    private final Duration retry;
    private final ArrayDeque<UsageRecord> waiting = new ArrayDeque<>();
    private final Thread writer;
    private long lost;
    private boolean closed;

    /**
     * @param capacity how many records may wait; past it a record is lost, and counted
     * @param retry    how long the writer waits before it offers the waiting records again
     */
    public QueuedUsageLedger(UsageLedger ledger, int capacity, Duration retry) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.ledger = requireNonNull(ledger, "ledger");
        this.capacity = capacity;
        this.retry = requireNonNull(retry, "retry");
        // A platform thread: it waits on this object's monitor, which would pin a virtual thread's carrier on JDK 21
        this.writer = Thread.ofPlatform().name("sheepdog-usage-queue").daemon().start(this::writeWhenTaken);
    }

    @Override
    public void record(UsageRecord record) {
        requireNonNull(record, "record");
        if (waitingCount() == 0) {
            try {
                ledger.record(record);
                return;
            } catch (RuntimeException e) {
                queue(record, e.getMessage());
                return;
            }
        }
        queue(record, null);
    }

    private synchronized void queue(UsageRecord record, String failure) {
        if (waiting.isEmpty() && failure != null) {
            LOG.log(WARNING, "the usage ledger cannot take records ({0}); up to {1} wait here until it can",
                    failure, capacity);
        }
        if (waiting.size() >= capacity) {
            lost++;
            LOG.log(WARNING, "a usage record of {0} is lost: {1} records already wait for the ledger ({2} lost in all)",
                    record.account(), capacity, lost);
            return;
        }
        waiting.add(record);
        notifyAll();
    }

    private void writeWhenTaken() {
        while (true) {
            UsageRecord next;
            synchronized (this) {
                while (waiting.isEmpty() && !closed) {
                    waitQuietly(0);
                }
                if (waiting.isEmpty()) {
                    return;
                }
                next = waiting.peek();
            }
            try {
                ledger.record(next);
                synchronized (this) {
                    waiting.poll();
                    if (waiting.isEmpty()) {
                        LOG.log(INFO, "the usage ledger takes records again; every waiting record is written");
                    }
                }
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (closed) {
                        return; // what still waits is logged by close
                    }
                    waitQuietly(retry.toMillis());
                }
            }
        }
    }

    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public BigDecimal spentSince(String account, Instant from) {
        BigDecimal spent = ledger.spentSince(account, from);
        synchronized (this) {
            for (UsageRecord record : waiting) {
                if (record.account().equals(account) && !record.at().isBefore(from)) {
                    spent = spent.add(record.costUsd().orElse(BigDecimal.ZERO));
                }
            }
        }
        return spent;
    }

    @Override
    public List<UsageLine> summarize(UsageQuery query) {
        return ledger.summarize(query);
    }

    @Override
    public boolean sharedWithOtherGateways() {
        return ledger.sharedWithOtherGateways();
    }

    /** How many records wait for the ledger now. */
    public synchronized int waitingCount() {
        return waiting.size();
    }

    /** How many records were lost because the queue was full. */
    public synchronized long lostCount() {
        return lost;
    }

    /** Stops the writer after one more try; records still waiting then are logged as lost. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            writer.join(retry.plusSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = waitingCount();
        if (left > 0) {
            LOG.log(WARNING, "{0} usage records could not be written before the gateway stopped", left);
        }
    }
}
