package dev.sheepdog.adapter.out.callerstore;

import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.domain.port.out.ClientStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2ClientStoreContractTest extends ClientStoreContract {

    @TempDir
    Path directory;

    private CallerDatabase database;

    @Override
    protected ClientStore createStore() {
        database = CallerDatabase.open(directory);
        return database.clientStore();
    }

    @Override
    protected ClientStore reopen(ClientStore current) {
        database.close();
        return createStore();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }
}
