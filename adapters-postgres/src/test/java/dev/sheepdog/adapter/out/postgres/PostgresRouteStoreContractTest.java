package dev.sheepdog.adapter.out.postgres;

import dev.sheepdog.domain.port.out.RouteStore;
import dev.sheepdog.domain.port.out.RouteStoreContract;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresRouteStoreContractTest extends RouteStoreContract {

    private final TestDatabase database;
    private PostgresDatabase opened;
    private PostgresDatabase elsewhere;

    PostgresRouteStoreContractTest(TestDatabase database) {
        this.database = database;
    }

    @Override
    protected RouteStore createStore() {
        opened = Databases.openEmptied(database);
        return opened.routeStore();
    }

    @Override
    protected RouteStore reopen(RouteStore current) {
        opened.close();
        opened = Databases.open(database);
        return opened.routeStore();
    }

    /** Another gateway's instance: a pool of its own on the same database. */
    @Override
    protected RouteStore sameStoreElsewhere(RouteStore current) {
        elsewhere = Databases.open(database);
        return elsewhere.routeStore();
    }

    @AfterEach
    void closeTheDatabase() {
        opened.close();
        if (elsewhere != null) {
            elsewhere.close();
        }
    }
}
