package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageRecord;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The fleet's {@link UsageLedger}: one row per completion from every instance. Each record is one INSERT
 * that commits itself before {@link #record} returns; PostgreSQL flushes concurrent commits together, which
 * is the group commit the embedded ledger does by hand.
 */
public final class PostgresUsageLedger implements UsageLedger {

    private static final String INSERT = "INSERT INTO usage_record (recorded_at, recorded_at_nanos, account,"
            + " caller_kind, caller_name, model, endpoint, input_tokens, output_tokens, estimated, cost_usd,"
            + " ttft_millis, outcome, failure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** From the start of a UTC day on: the daily totals (V7) of that day and later, a few rows. */
    private static final String SPENT_SINCE_DAY = "SELECT coalesce(sum(usd), 0) FROM usage_spend"
            + " WHERE account = ? AND day >= ?";
    /** From within a day: the daily totals after it, and that day's records from then on. */
    private static final String SPENT_SINCE_INSTANT = "SELECT"
            + " coalesce((SELECT sum(usd) FROM usage_spend WHERE account = ? AND day > ?), 0)"
            + " + coalesce((SELECT sum(cost_usd) FROM usage_record WHERE account = ?"
            + " AND (recorded_at, recorded_at_nanos) >= (?, ?) AND recorded_at < ?), 0)";

    private final Transactions transactions;

    PostgresUsageLedger(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void record(UsageRecord record) {
        requireNonNull(record, "record");
        transactions.single("record usage of " + record.account(), connection -> {
            try (PreparedStatement insert = transactions.prepare(connection, INSERT)) {
                Instants.bind(insert, 1, record.at());
                insert.setString(3, record.account());
                insert.setString(4, record.callerKind().name());
                insert.setString(5, record.callerName());
                insert.setString(6, record.model());
                insert.setString(7, record.endpoint().orElse(null));
                insert.setLong(8, record.inputTokens());
                insert.setLong(9, record.outputTokens());
                insert.setBoolean(10, record.estimated());
                insert.setBigDecimal(11, record.costUsd().orElse(null));
                insert.setObject(12, record.timeToFirstToken().map(Duration::toMillis).orElse(null), Types.BIGINT);
                insert.setString(13, record.outcome().name());
                insert.setString(14, record.failure().map(Enum::name).orElse(null));
                return insert.executeUpdate();
            }
        });
    }

    /** Every gateway of the fleet records here, so a budget check must read what was spent, not remember it. */
    @Override
    public boolean sharedWithOtherGateways() {
        return true;
    }

    @Override
    public BigDecimal spentSince(String account, Instant from) {
        requireNonNull(account, "account");
        requireNonNull(from, "from");
        LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
        boolean wholeDays = from.equals(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        return transactions.single("add up what " + account + " spent", connection -> {
            try (PreparedStatement sum = transactions.prepare(connection,
                    wholeDays ? SPENT_SINCE_DAY : SPENT_SINCE_INSTANT)) {
                sum.setString(1, account);
                sum.setObject(2, day);
                if (!wholeDays) {
                    sum.setString(3, account);
                    Instants.bind(sum, 4, from);
                    sum.setObject(6, day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
                }
                try (ResultSet row = sum.executeQuery()) {
                    row.next();
                    return row.getBigDecimal(1);
                }
            }
        });
    }

    @Override
    public List<UsageLine> summarize(UsageQuery query) {
        requireNonNull(query, "query");
        UsageSummary summary = new UsageSummary(query);
        return transactions.single("summarize usage", connection -> {
            try (PreparedStatement select = transactions.prepare(connection, summary.sql())) {
                summary.bind(select);
                try (ResultSet rows = select.executeQuery()) {
                    return summary.lines(rows);
                }
            }
        });
    }
}
