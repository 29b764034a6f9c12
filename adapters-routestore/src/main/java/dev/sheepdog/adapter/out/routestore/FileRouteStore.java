package dev.sheepdog.adapter.out.routestore;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RouteStoreException;
import dev.sheepdog.domain.port.out.RouteStore;
import dev.sheepdog.support.files.AtomicFile;
import dev.sheepdog.support.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link RouteStore}: {@code routes.json} in the data directory, readable JSON replaced atomically. */
public final class FileRouteStore implements RouteStore {

    static final String FILE_NAME = "routes.json";
    private static final Logger LOG = LoggerFactory.getLogger(FileRouteStore.class);

    private final Path file;
    private final AtomicFile atomicFile;
    private RouteStoreException unreadable;

    /**
     * Opens the store in this data directory, created owner-only if missing, and removes unfinished saves.
     *
     * @throws RouteStoreException when the directory cannot be created or cleaned
     */
    public FileRouteStore(Path directory) {
        this(directory, temp -> { });
    }

    FileRouteStore(Path directory, AtomicFile.BeforeReplace beforeReplace) {
        Path real = createDirectory(requireNonNull(directory, "directory"));
        this.file = real.resolve(FILE_NAME);
        this.atomicFile = new AtomicFile(file, requireNonNull(beforeReplace, "beforeReplace"));
        try {
            atomicFile.removeLeftovers().forEach(temp -> LOG.warn("Removed {}, left by an unfinished save", temp));
        } catch (IOException e) {
            throw new RouteStoreException("cannot remove unfinished saves of the rollout state from " + real
                    + " (" + e + "); remove the " + FILE_NAME + ".*.tmp files by hand", e);
        }
    }

    @Override
    public synchronized Optional<RouteState> load() {
        try {
            Optional<RouteState> state = read();
            unreadable = null;
            state.ifPresentOrElse(loaded -> LOG.info("Loaded the rollout state from {}: canary weight {}{}, {} "
                            + "decisions", file, loaded.canaryWeight(), loaded.paused() ? " (paused)" : "",
                    loaded.decisions().size()),
                    () -> LOG.info("No rollout state in {} yet", file));
            return state;
        } catch (RouteStoreException e) {
            unreadable = e;
            throw e;
        }
    }

    @Override
    public synchronized void save(RouteState state) {
        requireNonNull(state, "state");
        if (unreadable != null) {
            throw new RouteStoreException("will not overwrite the rollout state in " + file + ", which could not be "
                    + "read; restore it, or delete it to start the rollout from the configuration");
        }
        try {
            atomicFile.write(RouteDocument.write(state));
        } catch (IOException e) {
            throw new RouteStoreException("cannot save the rollout state to " + file + " (" + e
                    + "); it still holds the previous state", e);
        }
        LOG.debug("Saved the rollout state to {}: canary weight {}, {} decisions", file, state.canaryWeight(),
                state.decisions().size());
    }

    /**
     * Atomic by this store's lock, which every other method takes too: one process writes the file, as the
     * key store's lock on the data directory keeps every other Sheepdog out of it.
     */
    @Override
    public synchronized RouteState update(Function<Optional<RouteState>, RouteState> change) {
        requireNonNull(change, "change");
        Optional<RouteState> before = read();
        unreadable = null;
        RouteState after = requireNonNull(change.apply(before), "changed state");
        if (!before.equals(Optional.of(after))) {
            save(after);
        }
        return after;
    }

    private Optional<RouteState> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException nothingSavedYet) {
            return Optional.empty();
        } catch (IOException e) {
            throw unreadable("it cannot be read (" + e + ")", e);
        }
        try {
            return Optional.of(RouteDocument.read(bytes));
        } catch (MalformedRouteFile e) {
            throw unreadable(e.getMessage(), null);
        }
    }

    private RouteStoreException unreadable(String whatIsWrong, IOException cause) {
        return new RouteStoreException("the rollout state in " + file + " cannot be read: " + whatIsWrong
                + ". Sheepdog will not start with it: restore the file from a backup, or delete it to start the "
                + "rollout from the configuration", cause);
    }

    private static Path createDirectory(Path directory) {
        try {
            Files.createDirectories(directory, OwnerOnly.directory(directory));
            return directory.toRealPath();
        } catch (IOException e) {
            throw new RouteStoreException("cannot create the data directory " + directory + ": " + e, e);
        }
    }
}
