package dev.sheepdog.adapter.out.keystore;

import static dev.sheepdog.domain.port.out.KeyStoreContract.PRIMARY;
import static dev.sheepdog.domain.port.out.KeyStoreContract.assertSameKeys;
import static dev.sheepdog.domain.port.out.KeyStoreContract.sampleKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.support.files.DataFiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyStoreFormatTest {

    @TempDir
    Path directory;

    @Test
    void writesAVersionedDocumentWithTheEndpointsAndTheirKeysInOrder() throws Exception {
        try (FileKeyStore store = new FileKeyStore(directory, Optional.empty())) {
            store.save(sampleKeys(), Map.of(PRIMARY, URI.create("https://api.holysheep.ai/v1")));
        }

        JsonNode document = new ObjectMapper().readTree(DataFiles.bytes(KeyFiles.keysJson(directory)));
        assertThat(document.get("version").intValue()).isEqualTo(2);
        assertThat(document.get("base_urls").get("holysheep-primary").textValue())
                .isEqualTo("https://api.holysheep.ai/v1");
        assertThat(document.get("base_urls").has("holysheep-canary")).as("saved without a base URL").isFalse();
        assertThat(document.get("endpoints").properties()).extracting(Map.Entry::getKey)
                .containsExactly("holysheep-primary", "holysheep-canary");
        JsonNode first = document.get("endpoints").get("holysheep-primary").get(0);
        StoredKey expected = sampleKeys().get(PRIMARY).getFirst();
        assertThat(first.get("secret").textValue()).isEqualTo(expected.key().reveal());
        assertThat(first.get("state").textValue()).isEqualTo("active");
        assertThat(first.get("added_at").textValue()).isEqualTo("2026-03-01T09:16:30.123456789Z");
        assertThat(first.get("replaces").textValue()).isEqualTo(ApiKey.of("sk-aa-old").fingerprint());
        assertThat(first.get("retiring_since").isNull()).isTrue();
        assertThat(first.get("cooling_until").isNull()).isTrue();
        assertThat(DataFiles.text(KeyFiles.keysJson(directory))).as("indented for a human").contains("\n  ");
    }

    @Test
    void readsAFileWrittenByHandWithOptionalFieldsLeftOut() throws Exception {
        DataFiles.write(KeyFiles.keysJson(directory), """
                {"version": 1, "endpoints": {"holysheep-primary": [
                  {"secret": "sk-by-hand", "state": "cooling", "added_at": "2026-01-31T12:00:00Z",
                   "cooling_until": "2026-01-31T12:05:00Z"}]}}
                """);

        try (FileKeyStore store = new FileKeyStore(directory, Optional.empty())) {
            assertSameKeys(store.load(), Map.of(PRIMARY, List.of(new StoredKey(ApiKey.of("sk-by-hand"),
                    KeyState.COOLING, Instant.parse("2026-01-31T12:00:00Z"), Optional.empty(), Optional.empty(),
                    Optional.of(Instant.parse("2026-01-31T12:05:00Z"))))));
        }
    }

    @Test
    void readsAVersion1FileFromBeforeBaseUrlsWereRecordedAsHavingNone() throws Exception {
        DataFiles.write(KeyFiles.keysJson(directory), """
                {"version": 1, "endpoints": {"holysheep-primary": [
                  {"secret": "sk-old", "state": "active", "added_at": "2026-01-31T12:00:00Z"}]}}
                """);

        try (FileKeyStore store = new FileKeyStore(directory, Optional.empty())) {
            assertThat(store.load().get(PRIMARY)).extracting(StoredKey::key).containsExactly(ApiKey.of("sk-old"));
            assertThat(store.baseUrls()).isEmpty();
            store.save(store.load(), Map.of(PRIMARY, URI.create("https://api.holysheep.ai/v1")));
            assertThat(store.baseUrls()).containsEntry(PRIMARY, URI.create("https://api.holysheep.ai/v1"));
        }
    }

    @Test
    void createsAMissingDataDirectory() {
        Path missing = directory.resolve("data/sheepdog");

        try (FileKeyStore store = new FileKeyStore(missing, Optional.empty())) {
            store.save(sampleKeys());
        }

        assertThat(KeyFiles.keysJson(missing)).isRegularFile();
    }

    @Test
    void cannotBeUsedOnceClosed() {
        FileKeyStore store = new FileKeyStore(directory, Optional.empty());
        store.close();
        store.close();

        assertThatThrownBy(store::load).isInstanceOf(KeyStoreException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.save(Map.of())).isInstanceOf(KeyStoreException.class);
    }

    @Test
    void refusesABlankMasterKeyRatherThanStoreKeysInClear() {
        assertThatThrownBy(() -> new FileKeyStore(directory, Optional.of("  ")))
                .isInstanceOf(KeyStoreException.class)
                .hasMessageContaining("SHEEPDOG_MASTER_KEY is set but blank");
    }
}
