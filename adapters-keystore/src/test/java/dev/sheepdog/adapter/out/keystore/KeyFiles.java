package dev.sheepdog.adapter.out.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.port.out.KeyStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What the tests look at in a data directory, byte for byte. */
final class KeyFiles {

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private KeyFiles() {
    }

    /** Where the store keeps its file, as the store names it in messages: symbolic links resolved. */
    static Path keysJson(Path directory) {
        try {
            return directory.toRealPath().resolve(FileKeyStore.FILE_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    static List<Path> tempFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** Every secret of the sample keys and every fingerprint: none may show outside the store. */
    static List<String> secretsAndFingerprints() {
        return KeyStoreContract.sampleSecrets().stream()
                .flatMap(secret -> Stream.of(secret, ApiKey.of(secret).fingerprint())).toList();
    }

    /** Scans bytes for each secret and fingerprint as UTF-8, and for the "sk-" every sample secret starts with. */
    static void assertNoSecretIn(byte[] raw) {
        // ISO-8859-1 maps each byte to one char, so a substring search is a byte-sequence search.
        String bytes = new String(raw, StandardCharsets.ISO_8859_1);
        for (String secret : secretsAndFingerprints()) {
            assertThat(bytes).as("a secret or fingerprint").doesNotContain(asBytes(secret));
        }
        assertThat(bytes).doesNotContain("sk-");
    }

    private static String asBytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static void assumePosix(Path directory) {
        assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "this file system has no POSIX permissions");
    }
}
