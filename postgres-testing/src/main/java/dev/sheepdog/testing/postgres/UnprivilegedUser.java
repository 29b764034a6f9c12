package dev.sheepdog.testing.postgres;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;

/**
 * Who runs PostgreSQL: this process's user, or {@code nobody} when that is root, since PostgreSQL refuses
 * to run as root (and CI runs as root). The switch is made by util-linux's {@code setpriv}, which execs
 * the command in place, so the started process is PostgreSQL itself and can be signalled directly.
 */
final class UnprivilegedUser {

    static final String USER = "nobody";
    static final String GROUP = "nogroup";
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private UnprivilegedUser() {
    }

    static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    /** Why PostgreSQL cannot be run as someone else when that is needed; null when it can. */
    static String missing() {
        if (isRoot() && !Files.isExecutable(SETPRIV)) {
            return "running as root and there is no " + SETPRIV + " to run PostgreSQL as " + USER
                    + " (apt-get install util-linux)";
        }
        return null;
    }

    /** The command, run as the unprivileged user when this process is root. */
    static List<String> command(List<String> command) {
        List<String> all = new ArrayList<>();
        if (isRoot()) {
            all.addAll(List.of(SETPRIV.toString(), "--reuid=" + USER, "--regid=" + GROUP, "--clear-groups", "--"));
        }
        all.addAll(command);
        return all;
    }

    /** Gives the directory to the unprivileged user when this process is root, so that PostgreSQL may write in it. */
    static void handOver(Path directory) throws IOException {
        if (!isRoot()) {
            return;
        }
        UserPrincipalLookupService names = directory.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = names.lookupPrincipalByName(USER);
        GroupPrincipal group = names.lookupPrincipalByGroupName(GROUP);
        PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
        view.setOwner(user);
        view.setGroup(group);
    }
}
