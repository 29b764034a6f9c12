package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One record per completion, kept across restarts and crashes: the basis of budgets and usage
 * reports. Once {@link #record} returns, the record survives the process being killed.
 */
public interface UsageLedger {

    void record(UsageRecord record);

    /** What an account's priced completions cost from {@code from} (inclusive) on. */
    BigDecimal spentSince(String account, Instant from);

    /** The records in the query's range, added up by its grouping, largest cost first. */
    List<UsageLine> summarize(UsageQuery query);

    /**
     * Whether other gateways record into this ledger too (a fleet sharing one database): then what an
     * account spent must be read from the ledger for every budget check, since no gateway sees every
     * cost as it is recorded. A ledger of this gateway's own answers false.
     */
    default boolean sharedWithOtherGateways() {
        return false;
    }
}
