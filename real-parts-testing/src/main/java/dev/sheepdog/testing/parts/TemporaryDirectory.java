package dev.sheepdog.testing.parts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes a real part's directory (data, configuration, logs, profile) when it is done with, so no test leaves it behind. */
public final class TemporaryDirectory {

    private TemporaryDirectory() {
    }

    /**
     * Deletes the directory and everything in it; a failure is only warned about, since a leftover in the
     * system's temporary directory harms no test.
     *
     * @param what the directory, as a warning names it ("PostgreSQL test directory")
     */
    public static void delete(Path directory, String what) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("WARNING: cannot delete the " + what + " " + directory + ": " + e);
        }
    }
}
