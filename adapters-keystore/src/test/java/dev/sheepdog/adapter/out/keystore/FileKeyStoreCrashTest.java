package dev.sheepdog.adapter.out.keystore;

import static dev.sheepdog.domain.port.out.KeyStoreContract.PRIMARY;
import static dev.sheepdog.domain.port.out.KeyStoreContract.assertSameKeys;
import static dev.sheepdog.domain.port.out.KeyStoreContract.sampleKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.support.files.DataFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FileKeyStoreCrashTest {

    private static final Map<EndpointId, List<StoredKey>> NEWER =
            Map.of(PRIMARY, List.of(StoredKey.active(ApiKey.of("sk-newer"), Instant.EPOCH)));

    /** What a process dying between the durable temp file and the rename leaves: an exception nobody handles. */
    private static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash before the rename");
        }
    }

    @TempDir
    Path directory;

    static Stream<Optional<String>> masterKeys() {
        return Stream.of(Optional.empty(), Optional.of(EncryptedFileKeyStoreContractTest.MASTER_KEY));
    }

    @ParameterizedTest
    @MethodSource("masterKeys")
    void aSaveCutShortBeforeTheRenameLeavesThePreviousFileWholeAndItsTempFileIsRemovedAtTheNextOpen(
            Optional<String> masterKey) throws IOException {
        byte[] before = saveSampleKeys(masterKey);
        FileKeyStore crashing = new FileKeyStore(directory, masterKey, temp -> {
            throw new Crash();
        });

        assertThatThrownBy(() -> crashing.save(NEWER)).isInstanceOf(Crash.class);

        assertThat(DataFiles.bytes(KeyFiles.keysJson(directory))).isEqualTo(before);
        assertThat(DataFiles.tempFiles(directory)).hasSize(1);
        assertSameKeys(crashing.load(), sampleKeys());
        crashing.close();
        try (FileKeyStore restarted = new FileKeyStore(directory, masterKey)) {
            assertThat(DataFiles.tempFiles(directory)).isEmpty();
            assertSameKeys(restarted.load(), sampleKeys());
        }
    }

    @ParameterizedTest
    @MethodSource("masterKeys")
    void aSaveThatFailsBeforeTheRenameSaysSoKeepsThePreviousFileAndRemovesItsTempFile(Optional<String> masterKey)
            throws IOException {
        byte[] before = saveSampleKeys(masterKey);

        try (FileKeyStore failing = new FileKeyStore(directory, masterKey, temp -> {
            throw new IOException("No space left on device");
        })) {
            assertThatThrownBy(() -> failing.save(NEWER))
                    .isInstanceOf(KeyStoreException.class)
                    .hasMessageContaining("No space left on device")
                    .hasMessageContaining("it still holds what it held before");
            assertThat(DataFiles.tempFiles(directory)).isEmpty();
            assertThat(DataFiles.bytes(KeyFiles.keysJson(directory))).isEqualTo(before);
            assertSameKeys(failing.load(), sampleKeys());
        }
    }

    private byte[] saveSampleKeys(Optional<String> masterKey) {
        try (FileKeyStore store = new FileKeyStore(directory, masterKey)) {
            store.save(sampleKeys());
        }
        return DataFiles.bytes(KeyFiles.keysJson(directory));
    }
}
