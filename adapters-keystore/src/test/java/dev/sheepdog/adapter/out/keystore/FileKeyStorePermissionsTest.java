package dev.sheepdog.adapter.out.keystore;

import static dev.sheepdog.domain.port.out.KeyStoreContract.sampleKeys;
import static dev.sheepdog.support.files.DataFiles.OWNER_READ_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.support.files.DataFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyStorePermissionsTest {

    @TempDir
    Path directory;

    @BeforeEach
    void onlyOnPosixFileSystems() {
        DataFiles.assumePosix(directory);
    }

    @Test
    void keysJsonIsReadableAndWritableByItsOwnerOnly() throws Exception {
        try (FileKeyStore store = new FileKeyStore(directory, Optional.empty())) {
            store.save(sampleKeys());
            assertThat(Files.getPosixFilePermissions(KeyFiles.keysJson(directory))).isEqualTo(OWNER_READ_WRITE);

            store.save(Map.of());
        }

        assertThat(Files.getPosixFilePermissions(KeyFiles.keysJson(directory))).isEqualTo(OWNER_READ_WRITE);
        Path lock = directory.resolve(DirectoryLock.LOCK_FILE);
        assertThat(Files.getPosixFilePermissions(lock)).isEqualTo(OWNER_READ_WRITE);
    }

    @Test
    void theTempFileIsOwnerOnlyWhileItHoldsTheKeys() throws Exception {
        AtomicReference<Set<PosixFilePermission>> seen = new AtomicReference<>();

        try (FileKeyStore store = new FileKeyStore(directory, Optional.empty(),
                temp -> seen.set(Files.getPosixFilePermissions(temp)))) {
            store.save(sampleKeys());
        }

        assertThat(seen.get()).isEqualTo(OWNER_READ_WRITE);
    }

    @Test
    void aDataDirectoryItCreatesIsForItsOwnerOnly() throws Exception {
        Path missing = directory.resolve("sheepdog");

        new FileKeyStore(missing, Optional.empty()).close();

        assertThat(Files.getPosixFilePermissions(missing)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
}
