package dev.sheepdog.adapter.out.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.support.files.DataFiles;
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
    private static final String SECRET_FIELD = "'secret': '" + SECRET + "'";
    private static final String STATE = "'state': 'active'";
    private static final String ADDED_AT = "'added_at': '2026-01-31T12:00:00Z'";
    private static final String VALID_KEY = SECRET_FIELD + ", " + STATE + ", " + ADDED_AT;
    private static final String ENVELOPE = "'version': 1, 'algorithm': 'AES-256-GCM', 'kdf': 'PBKDF2WithHmacSHA256', "
            + "'iterations': 100000, 'salt': 'AAAAAAAAAAAAAAAAAAAAAA==', ";
    private static final String IV = "'iv': 'AAAAAAAAAAAAAAAA'";

    @TempDir
    Path directory;

    static Stream<Arguments> corruptFiles() {
        return Stream.of(
                arguments("not JSON", SECRET, "it is not valid JSON (line 1, column"),
                arguments("secret not quoted", key("'secret': skliveSECRET7f3a"), "it is not valid JSON (line 1"),
                arguments("cut off", json("{'version': 1, 'endpoints': {'x': [{" + VALID_KEY), "not valid JSON"),
                arguments("empty", "", "it is empty"),
                arguments("not an object", json("['" + SECRET + "']"), "it is not a JSON object"),
                arguments("trailing text", json("{'version': 1, 'endpoints': {}} " + SECRET), "it is not valid JSON"),
                arguments("a field twice", json("{'version': 1, 'endpoints': {'a': [], 'a': []}}"), "a field twice"),
                arguments("newer version", json("{'version': 3, 'endpoints': {}}"),
                        "format version 3 and this Sheepdog reads versions 1 to 2 only"),
                arguments("base URLs in a version 1 file", json("{'version': 1, 'endpoints': {}, 'base_urls': {}}"),
                        "has a field other than"),
                arguments("a base URL of no endpoint", json("{'version': 2, 'endpoints': {}, 'base_urls': {'a': 'https://x'}}"),
                        "names an endpoint without keys"),
                arguments("no version", json("{'endpoints': {}}"), "it has no format \"version\""),
                arguments("no endpoints", json("{'version': 1}"), "\"endpoints\" is missing or not an object"),
                arguments("keys not a list", document("{" + VALID_KEY + "}"),
                        "the keys of endpoint 'holysheep' are not a JSON array"),
                arguments("bad endpoint name", json("{'version': 1, 'endpoints': {'Holy Sheep': []}}"),
                        "the name of endpoint 1 is not an endpoint id"),
                arguments("no secret", key(STATE + ", " + ADDED_AT), "key 1 of endpoint 'holysheep' has no \"secret\""),
                arguments("blank secret", key("'secret': ' ', " + STATE + ", " + ADDED_AT), "has a blank secret"),
                arguments("secret not text", key("'secret': 42, " + STATE + ", " + ADDED_AT),
                        "the \"secret\" of key 1 of endpoint 'holysheep' is not a string"),
                arguments("no state", key(SECRET_FIELD + ", " + ADDED_AT), "has no \"state\""),
                arguments("no added_at", key(SECRET_FIELD + ", " + STATE), "has no \"added_at\""),
                arguments("unknown state", key(VALID_KEY.replace("active", "paused")),
                        "has a state other than active, cooling, retiring or disabled"),
                arguments("bad instant", key(VALID_KEY + ", 'cooling_until': 'tomorrow'"),
                        "the \"cooling_until\" of key 1 of endpoint 'holysheep' is not an ISO-8601 instant"),
                arguments("unknown field", key(VALID_KEY + ", '" + SECRET + "': null"), "has a field other than"),
                arguments("ciphertext not base64", json("{" + ENVELOPE + IV + ", 'ciphertext': '" + SECRET + "!'}"),
                        "\"ciphertext\" is missing or not base64"),
                arguments("short iv", json("{" + ENVELOPE + "'iv': 'AAAA', 'ciphertext': 'AAAAAAAAAAAAAAAAAAAAAA=='}"),
                        "the salt, iv or ciphertext is too short"),
                arguments("other algorithm", json("{" + ENVELOPE.replace("AES-256-GCM", "AES-128-CBC") + IV
                        + ", 'ciphertext': 'AAAA'}"), "\"algorithm\" is not AES-256-GCM"),
                arguments("iterations not a number", json("{" + ENVELOPE.replace("100000", "'many'") + IV
                        + ", 'ciphertext': 'AAAA'}"), "\"iterations\" is not a whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFiles")
    void aCorruptFileStopsTheStoreWithAMessageSayingWhatIsWrongAndStaysUntouched(
            String kind, String content, String whatIsWrong) throws Exception {
        Path file = KeyFiles.keysJson(directory);
        DataFiles.write(file, content);
        byte[] before = DataFiles.bytes(file);

        try (FileKeyStore store = new FileKeyStore(directory, Optional.of("a master key"))) {
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

        assertThat(DataFiles.bytes(file)).isEqualTo(before);
    }

    /** JSON written with single quotes, which no key or field of these files contains, to keep the table legible. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static String key(String fields) {
        return document("[{" + fields + "}]");
    }

    private static String document(String keys) {
        return json("{'version': 1, 'endpoints': {'holysheep': " + keys + "}}");
    }
}
