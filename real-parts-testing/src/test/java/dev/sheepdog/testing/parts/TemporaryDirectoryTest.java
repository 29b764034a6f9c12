package dev.sheepdog.testing.parts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TemporaryDirectoryTest {

    @Test
    void deletesTheDirectoryWithEverythingInIt() throws Exception {
        Path directory = Files.createTempDirectory("sheepdog-parts-");
        Files.writeString(Files.createDirectories(directory.resolve("logs")).resolve("error.log"), "gone");

        TemporaryDirectory.delete(directory, "test directory");

        assertThat(directory).doesNotExist();
    }

    @Test
    void aDirectoryAlreadyGoneIsNoError() throws Exception {
        Path directory = Files.createTempDirectory("sheepdog-parts-");
        Files.delete(directory);

        TemporaryDirectory.delete(directory, "test directory");

        assertThat(directory).doesNotExist();
    }
}
