package dev.sheepdog.testing.nginx;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;

/**
 * Who nginx's workers run as. As root, nginx switches its workers to the {@code user} its configuration
 * names, or else to a default chosen when it was built; the tests name Debian's {@code nobody nogroup}
 * rather than depend on the build, and give them the directory. Otherwise the workers stay this user.
 */
final class WorkerUser {

    static final String USER = "nobody";
    static final String GROUP = "nogroup";

    private WorkerUser() {
    }

    static boolean needed() {
        return new UnixSystem().getUid() == 0;
    }

    static boolean exists() {
        try {
            UserPrincipalLookupService names = Path.of("/").getFileSystem().getUserPrincipalLookupService();
            names.lookupPrincipalByName(USER);
            names.lookupPrincipalByGroupName(GROUP);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The {@code user} directive, only when nginx starts as root (otherwise nginx warns that it means nothing). */
    static String directive() {
        return needed() ? "user " + USER + " " + GROUP + ";\n" : "";
    }

    /** Gives the directory to the workers' user when running as root, so that they may use its temporary paths. */
    static void handOver(Path directory) throws IOException {
        if (!needed()) {
            return;
        }
        UserPrincipalLookupService names = directory.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
        view.setOwner(names.lookupPrincipalByName(USER));
        view.setGroup(names.lookupPrincipalByGroupName(GROUP));
    }
}
