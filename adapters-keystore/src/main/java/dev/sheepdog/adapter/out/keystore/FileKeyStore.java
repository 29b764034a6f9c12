package dev.sheepdog.adapter.out.keystore;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.model.StoredKeys;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.support.crypto.MalformedEnvelope;
import dev.sheepdog.support.crypto.MasterKeyCipher;
import dev.sheepdog.support.files.AtomicFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.AEADBadTagException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** The default {@link KeyStore}: {@code keys.json} in the data directory, replaced atomically, optionally encrypted. */
public final class FileKeyStore implements KeyStore, AutoCloseable {

    static final String FILE_NAME = "keys.json";
    private static final Logger LOG = LoggerFactory.getLogger(FileKeyStore.class);

    private final Path file;
    private final Optional<MasterKeyCipher> cipher;
    private final DirectoryLock lock;
    private final AtomicFile atomicFile;
    private boolean closed;
    private boolean plainOnDisk;
    // Start-up reads the store more than once (to choose the endpoints, then to fill the pools): one INFO line.
    private boolean loggedLoad;
    private KeyStoreException unreadable;

    /**
     * Opens the store in this data directory (created 0700 if missing) and locks the directory until {@link #close()}.
     *
     * @param masterKey SHEEPDOG_MASTER_KEY when set: the store is then kept encrypted
     * @throws KeyStoreException when another process uses the directory, or it cannot be created or locked
     */
    public FileKeyStore(Path directory, Optional<String> masterKey) {
        this(directory, masterKey, temp -> { });
    }

    FileKeyStore(Path directory, Optional<String> masterKey, AtomicFile.BeforeReplace beforeReplace) {
        requireNonNull(directory, "directory");
        this.cipher = requireNonNull(masterKey, "masterKey").map(FileKeyStore::cipher);
        this.lock = DirectoryLock.acquire(directory);
        this.file = lock.directory().resolve(FILE_NAME);
        this.atomicFile = new AtomicFile(file, requireNonNull(beforeReplace, "beforeReplace"));
        try {
            atomicFile.removeLeftovers().forEach(temp -> LOG.warn("Removed {}, left by an unfinished save", temp));
        } catch (IOException e) {
            lock.close();
            throw new KeyStoreException("cannot remove unfinished saves from " + lock.directory() + ": " + e, e);
        }
    }

    @Override
    public synchronized Map<EndpointId, List<StoredKey>> load() {
        Map<EndpointId, List<StoredKey>> keys = content().keys();
        log(loggedLoad ? "Read" : "Loaded", "from", keys);
        loggedLoad = true;
        return keys;
    }

    @Override
    public synchronized Map<EndpointId, URI> baseUrls() {
        return content().baseUrls();
    }

    private KeysDocument.Content content() {
        requireOpen();
        try {
            KeysDocument.Content content = read();
            unreadable = null;
            return content;
        } catch (KeyStoreException e) {
            unreadable = e;
            throw e;
        }
    }

    @Override
    public synchronized void save(Map<EndpointId, List<StoredKey>> keys) {
        requireNotUnreadable();
        save(keys, baseUrls());
    }

    @Override
    public synchronized void save(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
        requireNonNull(keys, "keys");
        requireNonNull(baseUrls, "baseUrls");
        requireNotUnreadable();
        byte[] plain = KeysDocument.write(KeysDocument.toJson(keys, baseUrls));
        byte[] content = cipher.map(sealer -> KeysDocument.write(sealer.seal(KeysDocument.VERSION, plain)))
                .orElse(plain);
        try {
            atomicFile.write(content);
        } catch (IOException e) {
            throw new KeyStoreException(
                    "cannot save the keys to " + file + " (" + e + "); it still holds what it held before", e);
        }
        if (plainOnDisk && cipher.isPresent()) {
            LOG.info("{} is now encrypted with SHEEPDOG_MASTER_KEY", file);
        }
        plainOnDisk = cipher.isEmpty();
        log("Saved", "to", keys);
    }

    /**
     * Atomic by this store's lock, which every other method takes too; the data directory's lock keeps every
     * other process out, so nothing else writes the file between the read and the write.
     */
    @Override
    public synchronized StoredKeys update(UnaryOperator<StoredKeys> change) {
        requireNonNull(change, "change");
        KeysDocument.Content content = content();
        StoredKeys before = new StoredKeys(content.keys(), content.baseUrls());
        StoredKeys after = requireNonNull(change.apply(before), "changed keys");
        if (!after.equals(before)) {
            save(after.keys(), after.baseUrls());
        }
        return after;
    }

    /** Releases the data directory's lock; the store cannot be used afterwards. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            lock.close();
        }
    }

    private KeysDocument.Content read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException nothingSavedYet) {
            return new KeysDocument.Content(new LinkedHashMap<>(), new LinkedHashMap<>());
        } catch (IOException e) {
            throw unreadable("it cannot be read (" + e + ")");
        }
        try {
            JsonNode document = KeysDocument.parse(bytes);
            KeysDocument.requireVersion(document);
            plainOnDisk = !MasterKeyCipher.isSealed(document);
            if (plainOnDisk) {
                cipher.ifPresent(ignored -> LOG.info(
                        "{} is not encrypted; the next save encrypts it with SHEEPDOG_MASTER_KEY", file));
                return KeysDocument.fromJson(document);
            }
            MasterKeyCipher opener = cipher.orElseThrow(() -> new KeyStoreException("the key store " + file
                    + " is encrypted, so SHEEPDOG_MASTER_KEY is required: set it to the master key it was "
                    + "written with"));
            return KeysDocument.fromJson(KeysDocument.parse(opener.open(document)));
        } catch (MalformedKeyFile e) {
            throw unreadable(e.getMessage());
        } catch (MalformedEnvelope e) {
            throw unreadable(e.getMessage());
        } catch (AEADBadTagException e) {
            throw new KeyStoreException("the key store " + file + " is encrypted with a different master key; "
                    + "set SHEEPDOG_MASTER_KEY to the one it was written with");
        }
    }

    private static MasterKeyCipher cipher(String masterKey) {
        if (masterKey.isBlank()) {
            throw new KeyStoreException("SHEEPDOG_MASTER_KEY is set but blank: set it to the master key, "
                    + "or unset it to keep the key store unencrypted");
        }
        return new MasterKeyCipher(masterKey);
    }

    private KeyStoreException unreadable(String whatIsWrong) {
        return new KeyStoreException("the key store " + file + " is unreadable: " + whatIsWrong
                + ". Sheepdog will not start with an unreadable key store: restore the file from a backup, "
                + "or move it away to start with no keys");
    }

    private void requireNotUnreadable() {
        requireOpen();
        if (unreadable != null) {
            throw new KeyStoreException("will not overwrite the key store " + file + ", which could not be read; "
                    + "restore it or move it away, then start Sheepdog again");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new KeyStoreException("the key store " + file + " is closed");
        }
    }

    private void log(String verb, String preposition, Map<EndpointId, List<StoredKey>> keys) {
        int count = keys.values().stream().mapToInt(List::size).sum();
        LOG.atLevel("Read".equals(verb) ? Level.DEBUG : Level.INFO).log("{} {} keys of {} endpoints {} {}{}", verb, count, keys.size(), preposition, file,
                cipher.isPresent() && !plainOnDisk ? " (encrypted)" : "");
        keys.forEach((endpoint, stored) -> LOG.debug("{}: {}", endpoint, stored));
    }
}
