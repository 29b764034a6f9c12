package dev.sheepdog.adapter.out.keystore;

import static dev.sheepdog.domain.port.out.KeyStoreContract.assertSameKeys;
import static dev.sheepdog.domain.port.out.KeyStoreContract.sampleKeys;
import static dev.sheepdog.domain.port.out.KeyStoreContract.sampleSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.support.files.DataFiles;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyStoreEncryptionTest {

    private static final Optional<String> MASTER_KEY = Optional.of(EncryptedFileKeyStoreContractTest.MASTER_KEY);

    @TempDir
    Path directory;

    @Test
    void theFileHoldsNeitherASecretNorAFingerprintInClear() {
        save(MASTER_KEY);

        KeyFiles.assertNoSecretIn(DataFiles.bytes(KeyFiles.keysJson(directory)));
        assertThat(text()).doesNotContain("holysheep", "active", "added_at");
    }

    @Test
    void theFileKeepsOnlyWhatDecryptionNeedsBesideTheCiphertext() throws Exception {
        save(MASTER_KEY);

        JsonNode envelope = new ObjectMapper().readTree(text());
        assertThat(envelope.properties()).extracting(Map.Entry::getKey)
                .containsExactly("version", "algorithm", "kdf", "iterations", "salt", "iv", "ciphertext");
        assertThat(envelope.get("algorithm").textValue()).isEqualTo("AES-256-GCM");
        assertThat(envelope.get("kdf").textValue()).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(envelope.get("iterations").intValue()).isEqualTo(100_000);
        assertThat(Base64.getDecoder().decode(envelope.get("salt").textValue())).hasSize(16);
        assertThat(Base64.getDecoder().decode(envelope.get("iv").textValue())).hasSize(12);
    }

    @Test
    void everySaveUsesAFreshIv() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (FileKeyStore store = new FileKeyStore(directory, MASTER_KEY)) {
            store.save(sampleKeys());
            JsonNode first = json.readTree(text());
            store.save(sampleKeys());
            JsonNode second = json.readTree(text());

            assertThat(second.get("iv")).isNotEqualTo(first.get("iv"));
            assertThat(second.get("ciphertext")).isNotEqualTo(first.get("ciphertext"));
        }
    }

    @Test
    void anotherMasterKeyIsRefusedAtLoadAndTheFileIsNeitherResetNorOverwritten() {
        save(MASTER_KEY);
        byte[] before = DataFiles.bytes(KeyFiles.keysJson(directory));

        try (FileKeyStore store = new FileKeyStore(directory, Optional.of("another master key"))) {
            assertThatThrownBy(store::load).isInstanceOf(KeyStoreException.class).hasMessage("the key store "
                    + KeyFiles.keysJson(directory) + " is encrypted with a different master key; "
                    + "set SHEEPDOG_MASTER_KEY to the one it was written with");
            assertThatThrownBy(() -> store.save(Map.of())).isInstanceOf(KeyStoreException.class)
                    .hasMessageContaining("will not overwrite");
        }

        assertThat(DataFiles.bytes(KeyFiles.keysJson(directory))).isEqualTo(before);
    }

    @Test
    void anEncryptedFileWithoutAMasterKeyIsRefused() {
        save(MASTER_KEY);

        try (FileKeyStore store = new FileKeyStore(directory, Optional.empty())) {
            assertThatThrownBy(store::load).isInstanceOf(KeyStoreException.class)
                    .hasMessageContaining(KeyFiles.keysJson(directory) + " is encrypted, so SHEEPDOG_MASTER_KEY is")
                    .hasMessageContaining("required");
        }
    }

    @Test
    void aPlainFileIsReadWithAMasterKeySetAndEncryptedAtTheNextSave() {
        save(Optional.empty());
        assertThat(text()).contains(sampleSecrets().getLast());

        try (FileKeyStore store = new FileKeyStore(directory, MASTER_KEY)) {
            store.save(store.load());
        }

        KeyFiles.assertNoSecretIn(DataFiles.bytes(KeyFiles.keysJson(directory)));
        try (FileKeyStore store = new FileKeyStore(directory, MASTER_KEY)) {
            assertSameKeys(store.load(), sampleKeys());
        }
    }

    private void save(Optional<String> masterKey) {
        try (FileKeyStore store = new FileKeyStore(directory, masterKey)) {
            store.save(sampleKeys());
        }
    }

    private String text() {
        return DataFiles.text(KeyFiles.keysJson(directory));
    }
}
