package dev.sheepdog.testing.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The machine's PostgreSQL, as Debian's {@code postgresql} package installs it: {@code /usr/lib/postgresql/<version>/bin}. */
record PostgresInstallation(Path bin) {

    static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    static final String INSTALL = "apt-get install postgresql";

    Path initdb() {
        return bin.resolve("initdb");
    }

    Path postgres() {
        return bin.resolve("postgres");
    }

    /** The newest installed version, if any. */
    static Optional<PostgresInstallation> find() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> new PostgresInstallation(version.resolve("bin")))
                    .filter(installation -> Files.isExecutable(installation.initdb())
                            && Files.isExecutable(installation.postgres()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Why a server cannot be started here, with what to install; null when it can. */
    static String missing() {
        if (find().isEmpty()) {
            return "no PostgreSQL under " + DEBIAN_ROOT + "/<version>/bin (" + INSTALL + ")";
        }
        return UnprivilegedUser.missing();
    }
}
