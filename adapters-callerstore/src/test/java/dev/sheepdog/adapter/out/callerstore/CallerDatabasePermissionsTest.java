package dev.sheepdog.adapter.out.callerstore;

import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;
import static dev.sheepdog.support.files.DataFiles.OWNER_READ_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.support.files.DataFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallerDatabasePermissionsTest {

    @TempDir
    Path directory;

    @BeforeEach
    void onlyOnPosixFileSystems() {
        DataFiles.assumePosix(directory);
    }

    @Test
    void theDatabaseFileIsReadableAndWritableByItsOwnerOnlyFromTheStartAndAfterWrites() throws Exception {
        try (CallerDatabase database = CallerDatabase.open(directory)) {
            assertThat(Files.getPosixFilePermissions(database.file())).isEqualTo(OWNER_READ_WRITE);

            database.usageLedger().record(usage(T0, "user:a", "m", "1"));
        }

        try (CallerDatabase reopened = CallerDatabase.open(directory)) {
            assertThat(Files.getPosixFilePermissions(reopened.file())).isEqualTo(OWNER_READ_WRITE);
            assertThat(reopened.usageLedger().spentSince("user:a", T0)).isEqualByComparingTo("1");
        }
    }

    @Test
    void aDataDirectoryItCreatesIsForItsOwnerOnly() throws Exception {
        Path missing = directory.resolve("sheepdog");

        CallerDatabase.open(missing).close();

        assertThat(Files.getPosixFilePermissions(missing)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aDatabaseFileFromBeforeThatOthersCouldReadIsNarrowedToItsOwner() throws Exception {
        Path file;
        try (CallerDatabase database = CallerDatabase.open(directory)) {
            file = database.file();
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        CallerDatabase.open(directory).close();

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OWNER_READ_WRITE);
    }
}
