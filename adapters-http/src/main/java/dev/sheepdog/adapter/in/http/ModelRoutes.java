package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import dev.sheepdog.domain.port.in.ListModelsUseCase;
import io.javalin.http.Context;
import java.util.List;

/** {@code GET /v1/models} in OpenAI's list format, so SDKs and the page's model picker can read it. */
final class ModelRoutes {

    static final String PATH = "/v1/models";

    private final ListModelsUseCase models;
    private final CallerAuthentication callers;
    private final ObjectMapper mapper;

    ModelRoutes(ListModelsUseCase models, CallerAuthentication callers, ObjectMapper mapper) {
        this.models = models;
        this.callers = callers;
        this.mapper = mapper;
    }

    void list(Context ctx) {
        // Listing asks the provider with the operator's key: only callers who may stream may list.
        if (callers.authenticate(ctx, mapper).isEmpty()) {
            return;
        }
        List<ModelInfo> listed;
        try {
            listed = models.listModels();
        } catch (ProviderException noEndpointCouldList) {
            // An unreachable provider is an upstream error, as for a completion; never "no models".
            ErrorResponses.send(ctx, FailureResponses.toApiError(noEndpointCouldList.failure()), mapper);
            return;
        }
        ObjectNode list = mapper.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (ModelInfo model : listed) {
            data.addObject()
                    .put("id", model.id())
                    .put("object", "model")
                    .put("created", 0)
                    .put("owned_by", model.ownedBy());
        }
        ctx.contentType("application/json").result(list.toString());
    }
}
