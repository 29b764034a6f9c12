package dev.sheepdog.adapter.out.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyStoreLogTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStandardErrorWhereSlf4jSimpleWrites() {
        original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(original);
    }

    @Test
    void saysOnceWhatItLoadedHoweverOftenStartUpReadsIt() {
        try (FileKeyStore store = new FileKeyStore(directory, Optional.empty())) {
            store.load();
            store.baseUrls();
            store.load();
        }

        assertThat(stderr.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("Loaded 0 keys")))
                .hasSize(1);
    }
}
