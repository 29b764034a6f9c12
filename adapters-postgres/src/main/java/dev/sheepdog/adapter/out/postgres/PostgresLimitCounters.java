package dev.sheepdog.adapter.out.postgres;

import static dev.sheepdog.adapter.out.postgres.BucketStatements.UNITS_PER_TOKEN;
import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.port.out.LimitCounters;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every account's rate and concurrency limits in the fleet's database, shared by all instances: each
 * check-and-take is one conditional statement on one row, so no two instances can both take the last one.
 * Stream slots are held in this gateway's name, so that the fleet can give them back if it dies.
 */
public final class PostgresLimitCounters implements LimitCounters {

    private static final String REQUESTS = "requests";
    private static final String TOKENS = "tokens";

    private final Transactions transactions;
    private final Optional<Clock> clock;
    private final String holder;
    private final SlotReturns returns;

    /**
     * @param clock   empty to use the database's clock, as a fleet must; a test's clock otherwise
     * @param holder  this gateway, in whose name it opens stream slots
     * @param returns how this gateway gives them back, now or, after an outage, later
     */
    PostgresLimitCounters(Transactions transactions, Optional<Clock> clock, String holder, SlotReturns returns) {
        this.transactions = transactions;
        this.clock = requireNonNull(clock, "clock");
        this.holder = requireNonNull(holder, "holder");
        this.returns = requireNonNull(returns, "returns");
    }

    @Override
    public Optional<Duration> takeRequest(String account, int perMinute) {
        requirePositive(perMinute);
        boolean taken = transactions.single("take a request of " + account, connection -> {
            try (PreparedStatement take = transactions.prepare(connection, BucketStatements.TAKE)) {
                bindChange(take, account, REQUESTS, perMinute, UNITS_PER_TOKEN);
                take.setLong(8, UNITS_PER_TOKEN);
                try (ResultSet row = take.executeQuery()) {
                    return row.next();
                }
            }
        });
        return taken ? Optional.empty() : waitForOne(account, REQUESTS, perMinute);
    }

    @Override
    public Optional<Duration> checkTokens(String account, long perMinute) {
        requirePositive(perMinute);
        return waitForOne(account, TOKENS, perMinute);
    }

    @Override
    public void countTokens(String account, long perMinute, long tokens) {
        requirePositive(perMinute);
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens cannot be negative: " + tokens);
        }
        if (tokens == 0) {
            return;
        }
        transactions.single("count the tokens of " + account, connection -> {
            try (PreparedStatement spend = transactions.prepare(connection, BucketStatements.SPEND)) {
                bindChange(spend, account, TOKENS, perMinute, Math.multiplyExact(tokens, UNITS_PER_TOKEN));
                return spend.executeQuery().next();
            }
        });
    }

    @Override
    public boolean openStream(String account, int max) {
        if (max < 1) {
            return false;
        }
        returns.settle(account); // a slot still owed from an outage must not count against the new stream
        return transactions.single("open a stream of " + account, connection -> {
            try (PreparedStatement open = transactions.prepare(connection, SlotStatements.OPEN)) {
                open.setString(1, account);
                open.setInt(2, max);
                open.setString(3, holder);
                try (ResultSet row = open.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Gives the slot back now, or, when the database cannot take it, once it can: it never throws. */
    @Override
    public void closeStream(String account) {
        returns.giveBack(account);
    }

    @Override
    public int openStreams(String account) {
        return transactions.single("count the open streams of " + account, connection -> {
            try (PreparedStatement count = transactions.prepare(connection, SlotStatements.COUNT)) {
                count.setString(1, account);
                try (ResultSet row = count.executeQuery()) {
                    return row.next() ? row.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public long requestsLeft(String account, int perMinute) {
        requirePositive(perMinute);
        return units(account, REQUESTS, perMinute).stream().map(units -> Math.floorDiv(units, UNITS_PER_TOKEN))
                .findFirst().orElse((long) perMinute);
    }

    @Override
    public long tokensLeft(String account, long perMinute) {
        requirePositive(perMinute);
        return units(account, TOKENS, perMinute).stream().map(units -> Math.floorDiv(units, UNITS_PER_TOKEN))
                .findFirst().orElse(perMinute);
    }

    /** Empty when the bucket holds a whole token; otherwise how long until it does, at least a millisecond. */
    private Optional<Duration> waitForOne(String account, String kind, long perMinute) {
        OptionalLong units = units(account, kind, perMinute);
        if (units.isEmpty() || units.getAsLong() >= UNITS_PER_TOKEN) {
            return Optional.empty();
        }
        long micros = Math.ceilDiv(UNITS_PER_TOKEN - units.getAsLong(), perMinute);
        return Optional.of(Duration.ofMillis(Math.max(1, Math.ceilDiv(micros, 1_000))));
    }

    /** What the bucket holds now, fitted to {@code perMinute}; empty for a bucket never used (a full one). */
    private OptionalLong units(String account, String kind, long perMinute) {
        return transactions.single("read the " + kind + " left to " + account, connection -> {
            try (PreparedStatement read = transactions.prepare(connection, BucketStatements.UNITS)) {
                read.setLong(1, perMinute);
                bindNow(read, 2);
                read.setString(3, account);
                read.setString(4, kind);
                try (ResultSet row = read.executeQuery()) {
                    return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** Parameters 1-7 of {@link BucketStatements#TAKE} and {@link BucketStatements#SPEND}. */
    private void bindChange(PreparedStatement statement, String account, String kind, long perMinute, long units)
            throws SQLException {
        statement.setString(1, account);
        statement.setString(2, kind);
        statement.setLong(3, perMinute);
        statement.setLong(4, perMinute);
        statement.setLong(5, units);
        bindNow(statement, 6);
        statement.setLong(7, units);
    }

    private void bindNow(PreparedStatement statement, int index) throws SQLException {
        if (clock.isPresent()) {
            statement.setObject(index, OffsetDateTime.ofInstant(clock.get().instant(), ZoneOffset.UTC));
        } else {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static void requirePositive(long perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("an allowance per minute must be at least 1: " + perMinute);
        }
    }
}
