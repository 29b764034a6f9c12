package dev.sheepdog.adapter.out.postgres;

import dev.sheepdog.domain.port.out.KeyRests;
import dev.sheepdog.domain.port.out.KeyRestsContract;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The key rests contract on PostgreSQL, each gateway with its own pool. */
@ExtendWith(PostgresExtension.class)
class PostgresKeyRestsContractTest extends KeyRestsContract {

    private final TestDatabase database;
    private PostgresDatabase a;
    private PostgresDatabase b;

    PostgresKeyRestsContractTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void openTwoGateways() {
        a = Databases.open(database);
        b = Databases.open(database);
        Databases.execute(database, "TRUNCATE key_rest");
    }

    @AfterEach
    void closeThem() {
        a.close();
        b.close();
    }

    @Override
    protected KeyRests rests() {
        return a.keyRests();
    }

    @Override
    protected KeyRests sameFleet() {
        return b.keyRests();
    }
}
