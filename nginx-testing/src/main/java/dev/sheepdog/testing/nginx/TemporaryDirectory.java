package dev.sheepdog.testing.nginx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes an nginx's directory (configuration, logs, temporary files) when it is done with. */
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
            System.err.println("WARNING: cannot delete the nginx test directory " + directory + ": " + e);
        }
    }
}
