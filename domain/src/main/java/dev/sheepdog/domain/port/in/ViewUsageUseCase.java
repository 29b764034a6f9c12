package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import java.util.List;

/** Report usage and cost per client, user or model over a time range, from the usage ledger. */
public interface ViewUsageUseCase {

    List<UsageLine> usage(UsageQuery query);
}
