package dev.sheepdog.domain.service.caller;

import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.port.in.ViewUsageUseCase;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.util.List;

/** Usage reports straight from the ledger, so they cover every completion since the ledger began. */
public final class UsageReports implements ViewUsageUseCase {

    private final UsageLedger ledger;

    public UsageReports(UsageLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<UsageLine> usage(UsageQuery query) {
        return ledger.summarize(query);
    }
}
