package dev.sheepdog.adapter.out.keystore;

import static dev.sheepdog.domain.port.out.KeyStoreContract.sampleKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.port.out.KeyStoreContract;
import dev.sheepdog.support.files.DataFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyStoreSecrecyTest {

    private static final String MASTER_KEY = EncryptedFileKeyStoreContractTest.MASTER_KEY;
    private static final String MISPLACED = "sk_Misplaced_In_A_Broken_File";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<String> messages = new ArrayList<>();
    private PrintStream original;

    @BeforeEach
    void captureStandardErrorWhereSlf4jSimpleWrites() {
        original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(original);
    }

    @Test
    void noSecretOrMasterKeyReachesTheLogOrAnErrorMessageWhateverHappens() throws IOException {
        try (FileKeyStore plain = new FileKeyStore(directory, Optional.empty())) {
            plain.save(sampleKeys());
            plain.load();
        }
        try (FileKeyStore migrating = new FileKeyStore(directory, Optional.of(MASTER_KEY))) {
            migrating.save(migrating.load());
        }
        try (FileKeyStore wrongKey = new FileKeyStore(directory, Optional.of("sk-not-the-master-key"))) {
            record(catchThrowable(wrongKey::load));
        }
        try (FileKeyStore noKey = new FileKeyStore(directory, Optional.empty())) {
            record(catchThrowable(noKey::load));
        }
        try (FileKeyStore failing = new FileKeyStore(directory, Optional.of(MASTER_KEY), temp -> {
            throw new IOException("No space left on device");
        })) {
            record(catchThrowable(() -> failing.save(sampleKeys())));
        }
        for (String broken : List.of(MISPLACED, "{'version': 1, 'endpoints': {'a': [{'secret': " + MISPLACED + "}]}}",
                "{'version': 1, 'endpoints': {'" + MISPLACED + "': []}}",
                "{'version': 1, 'endpoints': {'a': [{'secret': 1, 'state': '" + MISPLACED + "'}]}}")) {
            DataFiles.write(KeyFiles.keysJson(directory), broken.replace('\'', '"'));
            try (FileKeyStore corrupt = new FileKeyStore(directory, Optional.empty())) {
                record(catchThrowable(corrupt::load));
            }
        }

        String log = stderr.toString(StandardCharsets.UTF_8);
        assertThat(messages).hasSize(7).allSatisfy(message -> assertThat(message).isNotBlank());
        String fingerprint = ApiKey.of(KeyStoreContract.sampleSecrets().getFirst()).fingerprint();
        assertThat(log).as("what was logged, so the scan below is not of nothing")
                .contains("Saved 5 keys", "is now encrypted", fingerprint);
        for (String secret : secrets()) {
            assertThat(log).doesNotContain(secret);
            assertThat(messages).allSatisfy(message -> assertThat(message).doesNotContain(secret));
        }
        assertThat(log).doesNotContain("sk-");
    }

    private void record(Throwable thrown) {
        assertThat(thrown).isNotNull();
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            chain.append(cause).append('\n');
        }
        messages.add(chain.toString());
    }

    private static List<String> secrets() {
        List<String> secrets = new ArrayList<>(KeyStoreContract.sampleSecrets());
        secrets.addAll(List.of(MASTER_KEY, "sk-not-the-master-key", MISPLACED));
        return secrets;
    }
}
