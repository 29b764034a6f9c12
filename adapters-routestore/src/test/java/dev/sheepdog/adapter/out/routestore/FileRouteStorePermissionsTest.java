package dev.sheepdog.adapter.out.routestore;

import static dev.sheepdog.domain.port.out.RouteStoreContract.sampleState;
import static dev.sheepdog.support.files.DataFiles.OWNER_READ_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.support.files.DataFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRouteStorePermissionsTest {

    @TempDir
    Path directory;

    @BeforeEach
    void onlyOnPosixFileSystems() {
        DataFiles.assumePosix(directory);
    }

    @Test
    void routesJsonIsReadableAndWritableByItsOwnerOnly() throws Exception {
        FileRouteStore store = new FileRouteStore(directory);

        store.save(sampleState());
        assertThat(Files.getPosixFilePermissions(RouteFiles.routesJson(directory))).isEqualTo(OWNER_READ_WRITE);
        store.save(sampleState());

        assertThat(Files.getPosixFilePermissions(RouteFiles.routesJson(directory))).isEqualTo(OWNER_READ_WRITE);
    }

    @Test
    void theTempFileIsOwnerOnlyFromItsCreation() {
        AtomicReference<Set<PosixFilePermission>> seen = new AtomicReference<>();

        new FileRouteStore(directory, temp -> seen.set(Files.getPosixFilePermissions(temp))).save(sampleState());

        assertThat(seen.get()).isEqualTo(OWNER_READ_WRITE);
    }

    @Test
    void aFileRestoredWithWiderPermissionsIsOwnerOnlyAgainAfterTheNextSave() throws Exception {
        FileRouteStore store = new FileRouteStore(directory);
        store.save(sampleState());
        Files.setPosixFilePermissions(RouteFiles.routesJson(directory), PosixFilePermissions.fromString("rw-rw-rw-"));

        store.save(sampleState());

        assertThat(Files.getPosixFilePermissions(RouteFiles.routesJson(directory))).isEqualTo(OWNER_READ_WRITE);
    }

    @Test
    void aDataDirectoryItCreatesIsForItsOwnerOnly() throws Exception {
        Path missing = directory.resolve("sheepdog");

        new FileRouteStore(missing);

        assertThat(Files.getPosixFilePermissions(missing)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
}
