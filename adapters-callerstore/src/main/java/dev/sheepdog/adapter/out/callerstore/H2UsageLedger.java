package dev.sheepdog.adapter.out.callerstore;

import static dev.sheepdog.adapter.out.callerstore.Transactions.prepare;
import static dev.sheepdog.adapter.out.callerstore.Transactions.timestamp;
import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageQuery.GroupBy;
import dev.sheepdog.domain.model.caller.UsageRecord;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The {@link UsageLedger} in the caller database: one row per completion, committed to the file (in a group commit) before {@link #record} returns. */
public final class H2UsageLedger implements UsageLedger {

    private static final Comparator<UsageLine> REPORT_ORDER = Comparator.comparing(UsageLine::costUsd).reversed()
            .thenComparing(line -> line.account().orElse(""))
            .thenComparing(line -> line.model().orElse(""));

    /** How many records may wait for the writer; past that, record() waits up to FULL_WAIT for room. */
    static final int QUEUE_CAPACITY = 10_000;
    static final Duration FULL_WAIT = Duration.ofSeconds(5);
    private static final int MAX_BATCH = 1_000;

    private final Transactions transactions;
    private final UsageRecordWriter inserts;
    private final GroupCommit<UsageRecord> writer;

    H2UsageLedger(Transactions transactions, UsageRecordWriter inserts, String database) {
        this.transactions = transactions;
        this.inserts = inserts;
        this.writer = GroupCommit.start("sheepdog-usage-ledger-writer", "the caller database " + database,
                QUEUE_CAPACITY, MAX_BATCH, FULL_WAIT, inserts::write);
    }

    /** Returns once the record is committed, together with whatever other threads recorded meanwhile. */
    @Override
    public void record(UsageRecord record) {
        requireNonNull(record, "record");
        writer.submit(record, "record usage of " + record.account());
    }

    /** Writes what is still queued and stops the writer; called by the database before it closes. */
    void close() {
        writer.close();
        inserts.close(); // the writer thread has stopped: nothing else uses its connection
    }

    @Override
    public BigDecimal spentSince(String account, Instant from) {
        requireNonNull(account, "account");
        requireNonNull(from, "from");
        return transactions.run("add up what " + account + " spent", connection -> {
            try (PreparedStatement sum = prepare(connection, "SELECT COALESCE(SUM(cost_usd), 0) FROM usage_record"
                    + " WHERE account = ? AND recorded_at >= ?")) {
                sum.setString(1, account);
                sum.setObject(2, timestamp(from));
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
        boolean byAccount = query.groupBy() != GroupBy.MODEL;
        boolean byModel = query.groupBy() != GroupBy.ACCOUNT;
        String keys = byAccount && byModel ? "account, model" : byAccount ? "account" : "model";
        String sql = "SELECT " + keys + ", COUNT(*), SUM(CASE WHEN outcome = 'FAILED' THEN 1 ELSE 0 END),"
                + " SUM(input_tokens), SUM(output_tokens), COALESCE(SUM(cost_usd), 0), COUNT(*) - COUNT(cost_usd),"
                + " SUM(CASE WHEN estimated THEN 1 ELSE 0 END), MAX(CASE WHEN newest = 1 THEN caller_name END)"
                + " FROM (SELECT u.*, ROW_NUMBER() OVER (PARTITION BY " + keys + " ORDER BY recorded_at DESC, id DESC)"
                + " AS newest FROM usage_record u WHERE recorded_at >= ? AND recorded_at < ?"
                + query.account().map(account -> " AND account = ?").orElse("")
                + query.model().map(model -> " AND model = ?").orElse("")
                + ") GROUP BY " + keys;
        return transactions.run("summarize usage", connection -> {
            try (PreparedStatement select = prepare(connection, sql)) {
                int parameter = 1;
                select.setObject(parameter++, timestamp(query.from()));
                select.setObject(parameter++, timestamp(query.to()));
                if (query.account().isPresent()) {
                    select.setString(parameter++, query.account().get());
                }
                if (query.model().isPresent()) {
                    select.setString(parameter, query.model().get());
                }
                List<UsageLine> lines = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int column = byAccount && byModel ? 3 : 2;
                        Optional<String> account = byAccount ? Optional.of(rows.getString("account")) : Optional.empty();
                        Optional<String> model = byModel ? Optional.of(rows.getString("model")) : Optional.empty();
                        Optional<String> name = byAccount ? Optional.of(rows.getString(column + 7)) : Optional.empty();
                        lines.add(new UsageLine(account, name, model, rows.getLong(column), rows.getLong(column + 1),
                                rows.getLong(column + 2), rows.getLong(column + 3), rows.getBigDecimal(column + 4),
                                rows.getLong(column + 5), rows.getLong(column + 6)));
                    }
                }
                lines.sort(REPORT_ORDER);
                return lines;
            }
        });
    }
}
