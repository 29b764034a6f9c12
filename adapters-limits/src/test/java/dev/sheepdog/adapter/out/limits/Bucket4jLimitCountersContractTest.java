package dev.sheepdog.adapter.out.limits;

import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.LimitCountersContract;
import java.time.Clock;

class Bucket4jLimitCountersContractTest extends LimitCountersContract {

    @Override
    protected LimitCounters createCounters(Clock clock) {
        return new Bucket4jLimitCounters(clock);
    }
}
