package dev.sheepdog.domain.port.out;

import java.time.Clock;

class InMemoryKeyRestsContractTest extends KeyRestsContract {

    private final KeyRests rests = new InMemoryKeyRests(Clock.systemUTC());

    @Override
    protected KeyRests rests() {
        return rests;
    }

    @Override
    protected KeyRests sameFleet() {
        return rests;
    }
}
