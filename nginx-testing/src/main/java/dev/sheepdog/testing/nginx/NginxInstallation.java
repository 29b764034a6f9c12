package dev.sheepdog.testing.nginx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine's nginx, as Debian's {@code nginx} package installs it: {@code /usr/sbin/nginx}. */
record NginxInstallation(Path binary) {

    static final Path DEBIAN_BINARY = Path.of("/usr/sbin/nginx");
    static final String INSTALL = "apt-get install nginx";

    static Optional<NginxInstallation> find() {
        return Files.isExecutable(DEBIAN_BINARY) ? Optional.of(new NginxInstallation(DEBIAN_BINARY)) : Optional.empty();
    }

    /** Why nginx cannot be started here, with what to install; null when it can. */
    static String missing() {
        if (find().isEmpty()) {
            return "no nginx at " + DEBIAN_BINARY + " (" + INSTALL + ")";
        }
        if (WorkerUser.needed() && !WorkerUser.exists()) {
            return "running as root and there is no user " + WorkerUser.USER + " in group " + WorkerUser.GROUP
                    + " for nginx's workers";
        }
        return null;
    }
}
