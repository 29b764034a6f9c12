package dev.sheepdog.adapter.out.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.port.out.KeyStoreContract;
import dev.sheepdog.support.files.DataFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The key store's file in a data directory, and the secrets that must never show in it; {@link DataFiles} reads it. */
final class KeyFiles {

    private KeyFiles() {
    }

    /** Where the store keeps its file, as the store names it in messages: symbolic links resolved. */
    static Path keysJson(Path directory) {
        return DataFiles.fileIn(directory, FileKeyStore.FILE_NAME);
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
}
