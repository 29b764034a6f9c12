package dev.sheepdog.adapter.out.postgres;

import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageQuery.GroupBy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One usage report as SQL: the query's range and filters, added up by its grouping, read back into lines. */
final class UsageSummary {

    private static final Comparator<UsageLine> REPORT_ORDER = Comparator.comparing(UsageLine::costUsd).reversed()
            .thenComparing(line -> line.account().orElse(""))
            .thenComparing(line -> line.model().orElse(""));

    private final UsageQuery query;
    private final boolean byAccount;
    private final boolean byModel;

    UsageSummary(UsageQuery query) {
        this.query = query;
        this.byAccount = query.groupBy() != GroupBy.MODEL;
        this.byModel = query.groupBy() != GroupBy.ACCOUNT;
    }

    String sql() {
        String keys = byAccount && byModel ? "account, model" : byAccount ? "account" : "model";
        return "SELECT " + keys + ", count(*) AS requests, count(*) FILTER (WHERE outcome = 'FAILED') AS failed,"
                + " sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,"
                + " coalesce(sum(cost_usd), 0) AS cost_usd, count(*) - count(cost_usd) AS unpriced,"
                + " count(*) FILTER (WHERE estimated) AS estimated,"
                // the caller's name as of its latest record: a client key may have been renamed meanwhile
                + " max(caller_name) FILTER (WHERE newest = 1) AS caller_name"
                + " FROM (SELECT u.*, row_number() OVER (PARTITION BY " + keys
                + " ORDER BY recorded_at DESC, recorded_at_nanos DESC, id DESC) AS newest FROM usage_record u"
                + " WHERE (recorded_at, recorded_at_nanos) >= (?, ?) AND (recorded_at, recorded_at_nanos) < (?, ?)"
                + query.account().map(account -> " AND account = ?").orElse("")
                + query.model().map(model -> " AND model = ?").orElse("")
                + ") AS in_range GROUP BY " + keys;
    }

    void bind(PreparedStatement select) throws SQLException {
        Instants.bind(select, 1, query.from());
        Instants.bind(select, 3, query.to());
        int parameter = 5;
        if (query.account().isPresent()) {
            select.setString(parameter++, query.account().get());
        }
        if (query.model().isPresent()) {
            select.setString(parameter, query.model().get());
        }
    }

    List<UsageLine> lines(ResultSet rows) throws SQLException {
        List<UsageLine> lines = new ArrayList<>();
        while (rows.next()) {
            Optional<String> account = byAccount ? Optional.of(rows.getString("account")) : Optional.empty();
            Optional<String> model = byModel ? Optional.of(rows.getString("model")) : Optional.empty();
            Optional<String> name = byAccount ? Optional.of(rows.getString("caller_name")) : Optional.empty();
            lines.add(new UsageLine(account, name, model, rows.getLong("requests"), rows.getLong("failed"),
                    rows.getLong("input_tokens"), rows.getLong("output_tokens"), rows.getBigDecimal("cost_usd"),
                    rows.getLong("unpriced"), rows.getLong("estimated")));
        }
        lines.sort(REPORT_ORDER);
        return lines;
    }
}
