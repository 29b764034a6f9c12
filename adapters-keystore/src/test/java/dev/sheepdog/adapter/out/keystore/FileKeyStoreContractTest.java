package dev.sheepdog.adapter.out.keystore;

import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.KeyStoreContract;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

class FileKeyStoreContractTest extends KeyStoreContract {

    @TempDir
    Path directory;

    @Override
    protected KeyStore createStore() {
        return new FileKeyStore(directory, Optional.empty());
    }

    @Override
    protected KeyStore reopen(KeyStore current) {
        ((FileKeyStore) current).close();
        return createStore();
    }
}
