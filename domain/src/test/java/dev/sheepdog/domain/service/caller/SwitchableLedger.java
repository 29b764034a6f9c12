package dev.sheepdog.domain.service.caller;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageRecord;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A ledger whose database can be taken away and brought back, and its reads separately. */
final class SwitchableLedger implements UsageLedger {
    private final List<UsageRecord> records = new ArrayList<>();
    volatile boolean down;
    volatile boolean readable;

    @Override
    public synchronized void record(UsageRecord record) {
        if (down) {
            throw new CallerStoreException("cannot record usage: the database is unreachable");
        }
        records.add(record);
    }

    @Override
    public synchronized BigDecimal spentSince(String account, Instant from) {
        if (down && !readable) {
            throw new CallerStoreException("cannot add up spend: the database is unreachable");
        }
        return records.stream().filter(record -> record.account().equals(account) && !record.at().isBefore(from))
                .map(record -> record.costUsd().orElse(BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public List<UsageLine> summarize(UsageQuery query) {
        return List.of();
    }

    synchronized List<UsageRecord> written() {
        return List.copyOf(records);
    }
}
