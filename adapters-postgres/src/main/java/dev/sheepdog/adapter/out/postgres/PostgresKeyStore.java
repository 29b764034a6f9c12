package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.support.crypto.MalformedEnvelope;
import dev.sheepdog.support.crypto.MasterKeyCipher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;

/**
 * The fleet's {@link KeyStore}: the key document of every endpoint in one row, replaced whole by each save,
 * sealed under SHEEPDOG_MASTER_KEY with the file store's cipher and envelope when a master key is set.
 */
public final class PostgresKeyStore implements KeyStore {

    private static final String SELECT = "SELECT document FROM provider_keys WHERE id = 1";
    private static final String UPSERT = "INSERT INTO provider_keys (id, document, saved_at) VALUES (1, ?, now())"
            + " ON CONFLICT (id) DO UPDATE SET document = excluded.document, saved_at = excluded.saved_at";

    private final Transactions transactions;
    private final Optional<MasterKeyCipher> cipher;

    PostgresKeyStore(Transactions transactions, Optional<String> masterKey) {
        this.transactions = transactions.failingWith(KeyStoreException::new);
        this.cipher = requireNonNull(masterKey, "masterKey").map(PostgresKeyStore::cipher);
    }

    @Override
    public Map<EndpointId, List<StoredKey>> load() {
        return transactions.single("load the provider keys", connection -> read(connection, SELECT)).keys();
    }

    @Override
    public Map<EndpointId, URI> baseUrls() {
        return transactions.single("load the keys' base URLs", connection -> read(connection, SELECT)).baseUrls();
    }

    /** Refuses to overwrite what it cannot read (another master key, a newer format), as the file store does. */
    @Override
    public void save(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
        requireNonNull(keys, "keys");
        requireNonNull(baseUrls, "baseUrls");
        save(keys, previous -> baseUrls);
    }

    /** Keeps the base URLs in the same transaction, the row locked, so that no other instance's save slips between. */
    @Override
    public void save(Map<EndpointId, List<StoredKey>> keys) {
        requireNonNull(keys, "keys");
        save(keys, KeyDocument.Content::baseUrls);
    }

    private void save(Map<EndpointId, List<StoredKey>> keys, Function<KeyDocument.Content, Map<EndpointId, URI>> urls) {
        transactions.inTransaction("save the provider keys", connection -> {
            KeyDocument.Content previous = read(connection, SELECT + " FOR UPDATE");
            return write(connection, seal(KeyDocument.write(keys, urls.apply(previous))));
        });
    }

    private int write(Connection connection, byte[] document) throws SQLException {
        try (PreparedStatement upsert = transactions.prepare(connection, UPSERT)) {
            upsert.setString(1, new String(document, StandardCharsets.UTF_8));
            return upsert.executeUpdate();
        }
    }

    private KeyDocument.Content read(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = transactions.prepare(connection, sql);
             ResultSet row = select.executeQuery()) {
            return row.next() ? open(row.getString(1)) : KeyDocument.Content.EMPTY;
        }
    }

    private byte[] seal(byte[] plain) {
        return cipher.map(sealer -> {
            try {
                return KeyDocument.JSON.writeValueAsBytes(sealer.seal(KeyDocument.VERSION, plain));
            } catch (JacksonException e) {
                throw new IllegalStateException("a JSON tree always serializes", e);
            }
        }).orElse(plain);
    }

    private KeyDocument.Content open(String stored) {
        try {
            JsonNode document = KeyDocument.JSON.readTree(stored);
            if (!MasterKeyCipher.isSealed(document)) {
                return KeyDocument.read(document);
            }
            MasterKeyCipher opener = cipher.orElseThrow(() -> new KeyStoreException("the provider keys in "
                    + transactions.target() + " are encrypted, so SHEEPDOG_MASTER_KEY is required: set it to the"
                    + " master key they were written with"));
            return KeyDocument.read(KeyDocument.JSON.readTree(opener.open(document)));
        } catch (AEADBadTagException e) {
            throw new KeyStoreException("the provider keys in " + transactions.target() + " are encrypted with a"
                    + " different master key; set SHEEPDOG_MASTER_KEY to the one they were written with");
        } catch (MalformedEnvelope e) {
            throw unreadable(e.getMessage());
        } catch (KeyStoreException e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            // the parser's and the domain's messages may quote the document, secrets and all: none is kept
            throw unreadable("it is not a key document this Sheepdog reads");
        }
    }

    private KeyStoreException unreadable(String whatIsWrong) {
        return new KeyStoreException("the provider keys in " + transactions.target() + " are unreadable: "
                + whatIsWrong + ". Sheepdog will not start with unreadable keys: restore the provider_keys table"
                + " from a backup");
    }

    private static MasterKeyCipher cipher(String masterKey) {
        if (masterKey.isBlank()) {
            throw new KeyStoreException("SHEEPDOG_MASTER_KEY is set but blank: set it to the master key, "
                    + "or unset it to keep the key store unencrypted");
        }
        return new MasterKeyCipher(masterKey);
    }
}
