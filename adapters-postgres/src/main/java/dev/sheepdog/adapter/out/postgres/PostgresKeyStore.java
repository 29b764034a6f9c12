package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.model.StoredKeys;
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
import java.util.function.UnaryOperator;
import javax.crypto.AEADBadTagException;

/**
 * The fleet's {@link KeyStore}: the key document of every endpoint in one row, replaced whole by each update,
 * sealed under SHEEPDOG_MASTER_KEY with the file store's cipher and envelope when a master key is set.
 */
public final class PostgresKeyStore implements KeyStore {

    private static final String SELECT = "SELECT document FROM provider_keys WHERE id = 1";
    // Conflicts with itself and with every write, not with reads: the writers' lock, one at a time.
    private static final String LOCK = "LOCK TABLE provider_keys IN SHARE ROW EXCLUSIVE MODE";
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
        StoredKeys saved = new StoredKeys(keys, baseUrls);
        change("save the provider keys", previous -> saved, true);
    }

    /** Keeps the base URLs in the same transaction, so that no other instance's save slips between. */
    @Override
    public void save(Map<EndpointId, List<StoredKey>> keys) {
        requireNonNull(keys, "keys");
        change("save the provider keys", previous -> new StoredKeys(keys, previous.baseUrls()), true);
    }

    /**
     * One transaction holding the table's writers' lock from the read to the commit: every other update
     * and save, from any gateway, waits for it (readers do not). A lock on the table rather than on its
     * one row, because before the first save there is no row to lock.
     */
    @Override
    public StoredKeys update(UnaryOperator<StoredKeys> change) {
        return change("update the provider keys", requireNonNull(change, "change"), false);
    }

    // A save writes even what is stored already: it seals the document under the master key now given.
    private StoredKeys change(String what, UnaryOperator<StoredKeys> change, boolean evenIfSame) {
        return transactions.inTransaction(what, connection -> {
            try (PreparedStatement lock = transactions.prepare(connection, LOCK)) {
                lock.execute();
            }
            KeyDocument.Content previous = read(connection, SELECT);
            StoredKeys before = new StoredKeys(previous.keys(), previous.baseUrls());
            StoredKeys after = requireNonNull(change.apply(before), "changed keys");
            if (evenIfSame || !after.equals(before)) {
                write(connection, seal(KeyDocument.write(after.keys(), after.baseUrls())));
            }
            return after;
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
