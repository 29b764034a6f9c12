package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A part of a message's content: text, or an image given by URL (a {@code data:} URL included). */
public sealed interface ContentPart {

    record Text(String text) implements ContentPart {
        public Text {
            requireNonNull(text, "text");
        }
    }

    /** @param detail how closely the model should look, when the client said ({@code low}, {@code high}, {@code auto}) */
    record Image(String url, Optional<String> detail) implements ContentPart {
        public Image {
            requireNonNull(url, "url");
            requireNonNull(detail, "detail");
        }
    }
}
