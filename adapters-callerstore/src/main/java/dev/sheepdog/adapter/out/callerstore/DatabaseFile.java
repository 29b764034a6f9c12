package dev.sheepdog.adapter.out.callerstore;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.support.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database's directory and file, made readable by their owner only before H2 opens them. */
final class DatabaseFile {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFile.class);

    private DatabaseFile() {
    }

    /**
     * Creates the directory (rwx------) and an empty database file (rw-------) where they are missing, since H2
     * would create them with the process's umask: the file holds client keys' hashes and every caller's usage.
     * A file from before is narrowed to rw-------. Nothing changes on a file system without POSIX permissions.
     */
    static void createOwnerOnly(Path directory, String fileName) {
        try {
            Files.createDirectories(directory, OwnerOnly.directory(directory));
        } catch (IOException e) {
            throw new CallerStoreException("cannot create the data directory " + directory + ": " + e, e);
        }
        Path file = directory.resolve(fileName);
        try {
            // H2 takes an empty file for a new database
            Files.createFile(file, OwnerOnly.file(directory));
        } catch (FileAlreadyExistsException e) {
            narrow(file);
        } catch (IOException e) {
            throw new CallerStoreException("cannot create the caller database " + file + ": " + e, e);
        }
    }

    private static void narrow(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            view.setPermissions(PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | SecurityException e) {
            LOG.warn("Cannot make the caller database {} readable by its owner only: {}", file, e.toString());
        }
    }
}
