package dev.sheepdog.domain.service.caller;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.port.out.LimitCounters;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A fleet's limit counters as one gateway keeps them through an outage of the shared database: when
 * the shared counters cannot answer, this gateway's own counters do, each limit divided by the fleet's
 * size as last seen, so that the fleet together stays near the limit. Said loudly once per outage,
 * and every decision taken this way is counted. A stream opened on the gateway's own counters is
 * closed on them, whenever it ends.
 */
public final class FallbackLimitCounters implements LimitCounters {

    private static final System.Logger LOG = System.getLogger("sheepdog.limits");

    private final LimitCounters shared;
    private final LimitCounters own;
    private final IntSupplier fleetSize;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final AtomicLong degradedDecisions = new AtomicLong();
    private final Map<String, Integer> openHere = new ConcurrentHashMap<>();

    /** @param fleetSize how many gateways share the limits, as last seen; at least 1 */
    public FallbackLimitCounters(LimitCounters shared, LimitCounters own, IntSupplier fleetSize) {
        this.shared = requireNonNull(shared, "shared");
        this.own = requireNonNull(own, "own");
        this.fleetSize = requireNonNull(fleetSize, "fleetSize");
    }

    @Override
    public Optional<Duration> takeRequest(String account, int perMinute) {
        return either(() -> shared.takeRequest(account, perMinute), () -> own.takeRequest(account, share(perMinute)));
    }

    @Override
    public Optional<Duration> checkTokens(String account, long perMinute) {
        return either(() -> shared.checkTokens(account, perMinute), () -> own.checkTokens(account, share(perMinute)));
    }

    @Override
    public void countTokens(String account, long perMinute, long tokens) {
        either(() -> {
            shared.countTokens(account, perMinute, tokens);
            return null;
        }, () -> {
            own.countTokens(account, share(perMinute), tokens);
            return null;
        });
    }

    @Override
    public boolean openStream(String account, int max) {
        try {
            boolean opened = shared.openStream(account, max);
            recovered();
            return opened;
        } catch (RuntimeException e) {
            failed(e);
            boolean opened = own.openStream(account, share(max));
            if (opened) {
                openHere.merge(account, 1, Integer::sum);
            }
            return opened;
        }
    }

    /**
     * Closes on this gateway's own counters while it has streams of the account open there (the port
     * names no stream, so the first closes after an outage are taken for those), else on the shared ones.
     */
    @Override
    public void closeStream(String account) {
        if (tookOneOpenHere(account)) {
            own.closeStream(account);
            return;
        }
        try {
            shared.closeStream(account);
        } catch (RuntimeException e) {
            // Its slot stays taken in the shared counters: said, since the account may find one stream fewer
            LOG.log(WARNING, "could not give back a stream slot of {0} in the shared limit counters: {1}", account,
                    e.getMessage());
        }
    }

    private boolean tookOneOpenHere(String account) {
        boolean[] took = {false};
        openHere.computeIfPresent(account, (name, open) -> {
            took[0] = true;
            return open > 1 ? open - 1 : null;
        });
        return took[0];
    }

    @Override
    public int openStreams(String account) {
        return either(() -> shared.openStreams(account), () -> own.openStreams(account));
    }

    @Override
    public long requestsLeft(String account, int perMinute) {
        return either(() -> shared.requestsLeft(account, perMinute), () -> own.requestsLeft(account, share(perMinute)));
    }

    @Override
    public long tokensLeft(String account, long perMinute) {
        return either(() -> shared.tokensLeft(account, perMinute), () -> own.tokensLeft(account, share(perMinute)));
    }

    /** How many decisions this gateway took on its own counters because the shared ones could not answer. */
    public long degradedDecisions() {
        return degradedDecisions.get();
    }

    private <T> T either(Supplier<T> sharedAnswer, Supplier<T> ownAnswer) {
        try {
            T answer = sharedAnswer.get();
            recovered();
            return answer;
        } catch (RuntimeException e) {
            failed(e);
            return ownAnswer.get();
        }
    }

    private int share(int limit) {
        return (int) Math.max(1, limit / Math.max(1, fleetSize.getAsInt()));
    }

    private long share(long limit) {
        return Math.max(1, limit / Math.max(1, fleetSize.getAsInt()));
    }

    private void failed(RuntimeException e) {
        degradedDecisions.incrementAndGet();
        if (degraded.compareAndSet(false, true)) {
            LOG.log(WARNING, "LIMITS DEGRADED: the shared limit counters cannot answer ({0}); until they can, this "
                    + "gateway enforces each limit divided by the fleet''s {1} gateways on its own", e.getMessage(),
                    Math.max(1, fleetSize.getAsInt()));
        }
    }

    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            LOG.log(INFO, "the shared limit counters answer again: limits hold across the fleet again");
        }
    }
}
