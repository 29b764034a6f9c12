package dev.sheepdog.adapter.out.postgres;

import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.LimitCountersContract;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresLimitCountersContractTest extends LimitCountersContract {

    private final TestDatabase database;
    private PostgresDatabase opened;

    PostgresLimitCountersContractTest(TestDatabase database) {
        this.database = database;
    }

    @Override
    protected LimitCounters createCounters(Clock clock) {
        opened = Databases.openEmptied(database);
        return opened.limitCounters(clock);
    }

    /** Each take is a round trip holding a row lock: 8 threads colliding on 25 accounts race plenty. */
    @Override
    protected int racingAccounts() {
        return 25;
    }

    @AfterEach
    void closeTheDatabase() {
        opened.close();
    }
}
