package dev.sheepdog.domain.port.out;

import java.time.Clock;

class InMemoryLimitCountersContractTest extends LimitCountersContract {

    @Override
    protected LimitCounters createCounters(Clock clock) {
        return new InMemoryLimitCounters(clock);
    }
}
