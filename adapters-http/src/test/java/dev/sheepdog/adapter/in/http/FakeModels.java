package dev.sheepdog.adapter.in.http;

import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import dev.sheepdog.domain.port.in.ListModelsUseCase;
import java.util.List;

/** The model listing use case, answering with whatever models the test offers. */
final class FakeModels implements ListModelsUseCase {

    private volatile List<ModelInfo> offered = List.of();
    private volatile CompletionFailure failure;

    void offer(ModelInfo... models) {
        offered = List.of(models);
    }

    /** Listing fails as it does when no endpoint could list its models. */
    void failWith(CompletionFailure noEndpointCouldList) {
        failure = noEndpointCouldList;
    }

    @Override
    public List<ModelInfo> listModels() {
        if (failure != null) {
            throw new ProviderException(failure);
        }
        return offered;
    }
}
