package dev.sheepdog.adapter.out.postgres;

import static dev.sheepdog.domain.port.out.KeyStoreContract.sampleKeys;
import static dev.sheepdog.domain.port.out.KeyStoreContract.sampleSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.support.crypto.MasterKeyCipher;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Under a master key, the database holds the file store's sealed envelope and not one secret. */
@ExtendWith(PostgresExtension.class)
class PostgresKeyStoreSecrecyTest {

    private final TestDatabase database;
    private PostgresDatabase opened;

    PostgresKeyStoreSecrecyTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void open() {
        opened = Databases.openEmptied(database);
    }

    @AfterEach
    void close() {
        opened.close();
    }

    @Test
    void aMasterKeySealsTheWholeDocumentAsTheFileStoreDoes() throws SQLException {
        opened.keyStore(Optional.of("master")).save(sampleKeys());

        String stored = storedDocument();

        assertThat(sampleSecrets()).allSatisfy(secret -> assertThat(stored).doesNotContain(secret));
        assertThat(stored).contains("\"algorithm\":\"" + MasterKeyCipher.ALGORITHM + "\"")
                .contains("\"kdf\":\"" + MasterKeyCipher.KDF + "\"").contains("\"ciphertext\"")
                .doesNotContain("holysheep-primary");
    }

    @Test
    void withoutAMasterKeyTheDocumentIsPlainAndEncryptedOnesAreRefusedSayingWhy() {
        opened.keyStore(Optional.empty()).save(sampleKeys());
        assertThat(opened.keyStore(Optional.of("master")).load()).containsOnlyKeys(sampleKeys().keySet());

        opened.keyStore(Optional.of("master")).save(sampleKeys());

        assertThatThrownBy(() -> opened.keyStore(Optional.empty()).load()).isInstanceOf(KeyStoreException.class)
                .hasMessageContaining("encrypted, so SHEEPDOG_MASTER_KEY is required");
        assertThatThrownBy(() -> opened.keyStore(Optional.of("another")).load()).isInstanceOf(KeyStoreException.class)
                .hasMessageContaining("encrypted with a different master key");
    }

    @Test
    void neverOverwritesKeysItCannotRead() {
        opened.keyStore(Optional.of("master")).save(sampleKeys());

        assertThatThrownBy(() -> opened.keyStore(Optional.of("another")).save(Map.of(), Map.of()))
                .isInstanceOf(KeyStoreException.class);

        assertThat(opened.keyStore(Optional.of("master")).load()).containsOnlyKeys(sampleKeys().keySet());
    }

    @Test
    void anUnreadableDocumentIsRefusedWithoutQuotingIt() {
        Databases.execute(database, "INSERT INTO provider_keys (id, document) VALUES (1,"
                + " '{\"version\":2,\"endpoints\":{\"bad endpoint\":[{\"secret\":\"sk-leaked\"}]}}')");

        assertThatThrownBy(() -> opened.keyStore(Optional.empty()).load()).isInstanceOf(KeyStoreException.class)
                .hasMessageContaining("unreadable").message().doesNotContain("sk-leaked");
    }

    @Test
    void aBlankMasterKeyIsRefusedAsTheFileStoreRefusesIt() {
        assertThatThrownBy(() -> opened.keyStore(Optional.of("  "))).isInstanceOf(KeyStoreException.class)
                .hasMessageContaining("SHEEPDOG_MASTER_KEY is set but blank");
    }

    private String storedDocument() throws SQLException {
        try (Connection connection = Databases.connect(database);
             ResultSet row = connection.createStatement().executeQuery("SELECT document FROM provider_keys")) {
            row.next();
            return row.getString(1);
        }
    }
}
