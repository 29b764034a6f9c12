package dev.sheepdog.adapter.out.keystore;

import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.support.files.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The data directory, created if missing and held with an exclusive lock on {@code keys.lock} until closed. */
final class DirectoryLock implements AutoCloseable {

    static final String LOCK_FILE = "keys.lock";

    // Closing any channel of a file drops this JVM's OS lock on it, so a second store of this JVM
    // must be refused before it opens one; the OS lock is only for other processes.
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;

    private DirectoryLock(Path directory, FileChannel channel) {
        this.directory = directory;
        this.channel = channel;
    }

    static DirectoryLock acquire(Path directory) {
        Path real = create(directory);
        if (!HELD_IN_THIS_JVM.add(real)) {
            throw inUse(real);
        }
        try {
            FileChannel channel = FileChannel.open(real.resolve(LOCK_FILE),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), OwnerOnly.file(real));
            if (!tryLock(channel)) {
                channel.close();
                throw inUse(real);
            }
            return new DirectoryLock(real, channel);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(real);
            throw e instanceof KeyStoreException refused ? refused
                    : new KeyStoreException("cannot lock the data directory " + real + ": " + why(e), e);
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new KeyStoreException("cannot release the lock on " + directory.resolve(LOCK_FILE) + ": " + e, e);
        } finally {
            HELD_IN_THIS_JVM.remove(directory);
        }
    }

    private static Path create(Path directory) {
        try {
            Files.createDirectories(directory, OwnerOnly.directory(directory));
            return directory.toRealPath();
        } catch (IOException e) {
            throw new KeyStoreException("cannot create the data directory " + directory + ": " + why(e), e);
        }
    }

    // In the operator's words, not the JDK's class names: the start-up error is one line they act on.
    private static String why(Exception e) {
        return switch (e) {
            case FileAlreadyExistsException exists -> exists.getFile() + " exists and is not a directory";
            case AccessDeniedException denied -> "permission denied on " + denied.getFile();
            case FileSystemException other when other.getReason() != null -> other.getFile() + ": " + other.getReason();
            default -> String.valueOf(e.getMessage());
        };
    }

    private static boolean tryLock(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException heldByThisJvm) {
            return false;
        }
    }

    private static KeyStoreException inUse(Path directory) {
        return new KeyStoreException("another Sheepdog is using the data directory " + directory + " (it holds "
                + LOCK_FILE + "); stop that one, or give this one its own data directory");
    }
}
