package dev.sheepdog.adapter.out.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.sheepdog.domain.model.KeyStoreException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileKeyStoreCorruptionTest {

    private static final String SECRET = "sk-corrupt-SECRET-7f3a";
    private static final String VALID_KEY = "\"secret\": \"" + SECRET + "\", \"state\": \"active\", \"added_at\": \"2026-01-31T12:00:00Z\"";
    private static final String ENVELOPE = "\"version\": 1, \"algorithm\": \"AES-256-GCM\", \"kdf\": \"PBKDF2WithHmacSHA256\", "
            + "\"iterations\": 100000, \"salt\": \"AAAAAAAAAAAAAAAAAAAAAA==\", ";

    @TempDir
    Path directory;

    static Stream<Arguments> corruptFiles() {
        return Stream.of(
                arguments("not JSON", SECRET, "it is not valid JSON (line 1, column"),
                arguments("secret not quoted", key("\"secret\": skliveSECRET7f3a"), "it is not valid JSON (line 1, column"),
                arguments("cut off", "{\"version\": 1, \"endpoints\": {\"holysheep\": [{" + VALID_KEY, "it is not valid JSON"),
                arguments("empty", "", "it is empty"),
                arguments("not an object", "[\"" + SECRET + "\"]", "it is not a JSON object"),
                arguments("trailing text", "{\"version\": 1, \"endpoints\": {}} " + SECRET, "it is not valid JSON"),
                arguments("a field twice", "{\"version\": 1, \"endpoints\": {\"a\": [], \"a\": []}}", "it has a field twice"),
                arguments("newer version", "{\"version\": 2, \"endpoints\": {}}", "format version 2 and this Sheepdog reads version 1"),
                arguments("no version", "{\"endpoints\": {}}", "it has no format \"version\""),
                arguments("no endpoints", "{\"version\": 1}", "\"endpoints\" is missing or not an object"),
                arguments("keys not a list", document("{" + VALID_KEY + "}"), "the keys of endpoint 'holysheep' are not a JSON array"),
                arguments("bad endpoint name", "{\"version\": 1, \"endpoints\": {\"Holy Sheep\": []}}",
                        "the name of endpoint 1 is not an endpoint id"),
                arguments("no secret", key("\"state\": \"active\", \"added_at\": \"2026-01-31T12:00:00Z\""),
                        "key 1 of endpoint 'holysheep' has no \"secret\""),
                arguments("blank secret", key("\"secret\": \" \", \"state\": \"active\", \"added_at\": \"2026-01-31T12:00:00Z\""),
                        "key 1 of endpoint 'holysheep' has a blank secret"),
                arguments("secret not text", key("\"secret\": 42, \"state\": \"active\", \"added_at\": \"2026-01-31T12:00:00Z\""),
                        "the \"secret\" of key 1 of endpoint 'holysheep' is not a string"),
                arguments("no state", key("\"secret\": \"" + SECRET + "\", \"added_at\": \"2026-01-31T12:00:00Z\""), "has no \"state\""),
                arguments("no added_at", key("\"secret\": \"" + SECRET + "\", \"state\": \"active\""), "has no \"added_at\""),
                arguments("unknown state", key(VALID_KEY.replace("active", "paused")),
                        "has a state other than active, cooling, retiring or disabled"),
                arguments("bad instant", key(VALID_KEY + ", \"cooling_until\": \"tomorrow\""),
                        "the \"cooling_until\" of key 1 of endpoint 'holysheep' is not an ISO-8601 instant"),
                arguments("unknown field", key(VALID_KEY + ", \"" + SECRET + "\": null"), "key 1 of endpoint 'holysheep' has a field other than"),
                arguments("ciphertext not base64", "{" + ENVELOPE + "\"iv\": \"AAAAAAAAAAAAAAAA\", \"ciphertext\": \"" + SECRET + "!\"}",
                        "\"ciphertext\" is missing or not base64"),
                arguments("short iv", "{" + ENVELOPE + "\"iv\": \"AAAA\", \"ciphertext\": \"AAAAAAAAAAAAAAAAAAAAAA==\"}",
                        "the salt, iv or ciphertext is too short"),
                arguments("other algorithm", "{" + ENVELOPE.replace("AES-256-GCM", "AES-128-CBC")
                        + "\"iv\": \"AAAAAAAAAAAAAAAA\", \"ciphertext\": \"AAAA\"}", "\"algorithm\" is not AES-256-GCM"),
                arguments("iterations not a number", "{" + ENVELOPE.replace("100000", "\"many\"")
                        + "\"iv\": \"AAAAAAAAAAAAAAAA\", \"ciphertext\": \"AAAA\"}", "\"iterations\" is not a whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFiles")
    void aCorruptFileStopsTheStoreWithAMessageSayingWhatIsWrongAndStaysUntouched(
            String kind, String content, String whatIsWrong) throws Exception {
        Path file = KeyFiles.keysJson(directory);
        KeyFiles.write(file, content);
        byte[] before = KeyFiles.bytes(file);

        try (FileKeyStore store = new FileKeyStore(directory, Optional.of(EncryptedFileKeyStoreContractTest.MASTER_KEY))) {
            assertThatThrownBy(store::load)
                    .isInstanceOf(KeyStoreException.class)
                    .hasNoCause()
                    .hasMessageContaining("the key store " + file + " is unreadable: ")
                    .hasMessageContaining(whatIsWrong)
                    .hasMessageContaining("Sheepdog will not start with an unreadable key store: "
                            + "restore the file from a backup, or move it away to start with no keys")
                    .hasMessageNotContaining("SECRET");
            assertThatThrownBy(() -> store.save(Map.of())).isInstanceOf(KeyStoreException.class)
                    .hasMessageContaining("will not overwrite the key store " + file);
        }

        assertThat(KeyFiles.bytes(file)).isEqualTo(before);
    }

    private static String key(String fields) {
        return document("[{" + fields + "}]");
    }

    private static String document(String keys) {
        return "{\"version\": 1, \"endpoints\": {\"holysheep\": " + keys + "}}";
    }
}
