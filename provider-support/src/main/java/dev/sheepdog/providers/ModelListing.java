package dev.sheepdog.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a provider's {@code GET /models} answer: {@code {"data":[{"id","owned_by"}]}}, each string scrubbed. */
final class ModelListing {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelListing() {
    }

    static List<ModelInfo> parse(byte[] body, Redaction redaction) {
        try {
            JsonNode data = MAPPER.readTree(body).path("data");
            if (!data.isArray()) {
                throw malformed("it has no \"data\" array");
            }
            List<ModelInfo> models = new ArrayList<>(data.size());
            for (JsonNode model : data) {
                if (model.path("id").isTextual()) {
                    models.add(new ModelInfo(redaction.text(model.get("id").asText()),
                            redaction.text(model.path("owned_by").asText(""))));
                }
            }
            return List.copyOf(models);
        } catch (IOException e) {
            throw malformed("it is not JSON");
        }
    }

    private static ProviderException malformed(String why) {
        return new ProviderException(CompletionFailure.of(FailureKind.MALFORMED_STREAM,
                "The provider's model list could not be read: " + why + "."));
    }
}
