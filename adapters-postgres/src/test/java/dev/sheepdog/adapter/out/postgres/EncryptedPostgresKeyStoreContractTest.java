package dev.sheepdog.adapter.out.postgres;

import dev.sheepdog.testing.postgres.TestDatabase;
import java.util.Optional;

class EncryptedPostgresKeyStoreContractTest extends PostgresKeyStoreContractTest {

    static final String MASTER_KEY = "correct horse battery staple";

    EncryptedPostgresKeyStoreContractTest(TestDatabase database) {
        super(database);
    }

    @Override
    Optional<String> masterKey() {
        return Optional.of(MASTER_KEY);
    }
}
