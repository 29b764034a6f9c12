package dev.sheepdog.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

class MasterKeyCipherTest {

    private static final byte[] DOCUMENT = "{\"secret\":\"sk-live-123\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedAndTheEnvelopeShowsNothingOfIt() throws Exception {
        MasterKeyCipher cipher = new MasterKeyCipher("correct horse");

        ObjectNode envelope = cipher.seal(2, DOCUMENT);

        assertThat(envelope.toString()).doesNotContain("sk-live-123");
        assertThat(envelope.get("version").intValue()).isEqualTo(2);
        assertThat(envelope.get("algorithm").textValue()).isEqualTo(MasterKeyCipher.ALGORITHM);
        assertThat(MasterKeyCipher.isSealed(envelope)).isTrue();
        assertThat(new MasterKeyCipher("correct horse").open(envelope)).isEqualTo(DOCUMENT);
    }

    @Test
    void anotherMasterKeyCannotOpenIt() {
        ObjectNode envelope = new MasterKeyCipher("correct horse").seal(2, DOCUMENT);

        assertThatThrownBy(() -> new MasterKeyCipher("wrong horse").open(envelope))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void aTamperedEnvelopeIsRefusedWithoutNamingTheUnknownField() {
        ObjectNode envelope = new MasterKeyCipher("correct horse").seal(2, DOCUMENT);
        envelope.put("sk-live-123", "smuggled");

        assertThatThrownBy(() -> new MasterKeyCipher("correct horse").open(envelope))
                .isInstanceOf(MalformedEnvelope.class)
                .hasMessageStartingWith("the encrypted document has a field other than")
                .message().doesNotContain("sk-live-123");
    }

    @Test
    void aBlankMasterKeyIsRefused() {
        assertThatThrownBy(() -> new MasterKeyCipher(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
