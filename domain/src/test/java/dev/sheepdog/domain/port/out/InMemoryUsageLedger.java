package dev.sheepdog.domain.port.out;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageQuery.GroupBy;
import dev.sheepdog.domain.model.caller.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link UsageLedger} in memory for tests: safe from many threads, forgets everything with the object. */
public final class InMemoryUsageLedger implements UsageLedger {

    /** The order the report's lines come in: largest cost first, then by account and model. */
    public static final Comparator<UsageLine> REPORT_ORDER = Comparator.comparing(UsageLine::costUsd).reversed()
            .thenComparing(line -> line.account().orElse(""))
            .thenComparing(line -> line.model().orElse(""));

    private final List<UsageRecord> records = new ArrayList<>();

    @Override
    public synchronized void record(UsageRecord record) {
        records.add(requireNonNull(record, "record"));
    }

    @Override
    public synchronized BigDecimal spentSince(String account, Instant from) {
        requireNonNull(account, "account");
        requireNonNull(from, "from");
        return records.stream()
                .filter(record -> record.account().equals(account) && !record.at().isBefore(from))
                .flatMap(record -> record.costUsd().stream())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every record so far, in the order they were recorded. */
    public synchronized List<UsageRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public synchronized List<UsageLine> summarize(UsageQuery query) {
        requireNonNull(query, "query");
        Map<List<Optional<String>>, Group> groups = new LinkedHashMap<>();
        for (UsageRecord record : records) {
            if (matches(query, record)) {
                Optional<String> account = query.groupBy() == GroupBy.MODEL ? Optional.empty() : Optional.of(record.account());
                Optional<String> model = query.groupBy() == GroupBy.ACCOUNT ? Optional.empty() : Optional.of(record.model());
                groups.computeIfAbsent(List.of(account, model), key -> new Group(account, model)).add(record);
            }
        }
        return groups.values().stream().map(Group::line).sorted(REPORT_ORDER).toList();
    }

    private static boolean matches(UsageQuery query, UsageRecord record) {
        return !record.at().isBefore(query.from()) && record.at().isBefore(query.to())
                && query.account().map(record.account()::equals).orElse(true)
                && query.model().map(record.model()::equals).orElse(true);
    }

    /** One line being added up; the caller name is the one on the group's latest record. */
    private static final class Group {
        private final Optional<String> account;
        private final Optional<String> model;
        private UsageRecord latest;
        private long requests;
        private long failed;
        private long inputTokens;
        private long outputTokens;
        private BigDecimal cost = BigDecimal.ZERO;
        private long unpriced;
        private long estimated;

        Group(Optional<String> account, Optional<String> model) {
            this.account = account;
            this.model = model;
        }

        void add(UsageRecord record) {
            if (latest == null || !record.at().isBefore(latest.at())) {
                latest = record;
            }
            requests++;
            failed += record.outcome() == CompletionOutcome.FAILED ? 1 : 0;
            inputTokens += record.inputTokens();
            outputTokens += record.outputTokens();
            record.costUsd().ifPresentOrElse(value -> cost = cost.add(value), () -> unpriced++);
            estimated += record.estimated() ? 1 : 0;
        }

        UsageLine line() {
            Optional<String> callerName = account.map(ignored -> latest.callerName());
            return new UsageLine(account, callerName, model, requests, failed, inputTokens, outputTokens, cost,
                    unpriced, estimated);
        }
    }
}
