package dev.sheepdog.adapter.out.postgres;

import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.KeyStoreContract;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresKeyStoreContractTest extends KeyStoreContract {

    private final TestDatabase database;
    private PostgresDatabase opened;
    private PostgresDatabase elsewhere;

    PostgresKeyStoreContractTest(TestDatabase database) {
        this.database = database;
    }

    /** Empty for a plain store; the encrypted variant sets a master key. */
    Optional<String> masterKey() {
        return Optional.empty();
    }

    @Override
    protected KeyStore createStore() {
        opened = Databases.openEmptied(database);
        return opened.keyStore(masterKey());
    }

    @Override
    protected KeyStore reopen(KeyStore current) {
        opened.close();
        opened = Databases.open(database);
        return opened.keyStore(masterKey());
    }

    /** Another gateway's instance: a pool of its own on the same database. */
    @Override
    protected KeyStore sameStoreElsewhere(KeyStore current) {
        elsewhere = Databases.open(database);
        return elsewhere.keyStore(masterKey());
    }

    @AfterEach
    void closeTheDatabase() {
        opened.close();
        if (elsewhere != null) {
            elsewhere.close();
        }
    }
}
