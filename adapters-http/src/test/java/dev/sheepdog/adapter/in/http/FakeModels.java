package dev.sheepdog.adapter.in.http;

import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.port.in.ListModelsUseCase;
import java.util.List;

/** The model listing use case, answering with whatever models the test offers. */
final class FakeModels implements ListModelsUseCase {

    private volatile List<ModelInfo> offered = List.of();

    void offer(ModelInfo... models) {
        offered = List.of(models);
    }

    @Override
    public List<ModelInfo> listModels() {
        return offered;
    }
}
