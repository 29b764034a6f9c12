package dev.sheepdog.adapter.out.postgres;

import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.domain.port.out.ClientStoreContract;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresClientStoreContractTest extends ClientStoreContract {

    private final TestDatabase database;
    private PostgresDatabase opened;

    PostgresClientStoreContractTest(TestDatabase database) {
        this.database = database;
    }

    @Override
    protected ClientStore createStore() {
        opened = Databases.openEmptied(database);
        return opened.clientStore();
    }

    @Override
    protected ClientStore reopen(ClientStore current) {
        opened.close();
        opened = Databases.open(database);
        return opened.clientStore();
    }

    @AfterEach
    void closeTheDatabase() {
        opened.close();
    }
}
