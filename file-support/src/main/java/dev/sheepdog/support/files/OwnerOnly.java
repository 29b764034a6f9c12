package dev.sheepdog.support.files;

import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Owner-only permissions, asked for when a file is created, on file systems that have POSIX permissions. */
public final class OwnerOnly {

    private OwnerOnly() {
    }

    /** rw------- (0600) for a new file in this directory. */
    public static FileAttribute<?>[] file(Path directory) {
        return attribute(directory, "rw-------");
    }

    /** rwx------ (0700) for a new directory. */
    public static FileAttribute<?>[] directory(Path directory) {
        return attribute(directory, "rwx------");
    }

    private static FileAttribute<?>[] attribute(Path path, String permissions) {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString(permissions);
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(owner)};
    }
}
