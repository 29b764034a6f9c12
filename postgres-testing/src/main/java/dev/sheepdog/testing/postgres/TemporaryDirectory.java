package dev.sheepdog.testing.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the server's directory when it is done with, so that no test leaves data behind. */
final class TemporaryDirectory {

    private TemporaryDirectory() {
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("WARNING: cannot delete the PostgreSQL test directory " + directory + ": " + e);
        }
    }
}
