package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.ModelInfo;
import java.util.List;

/** List the models a client can ask for through this gateway. */
public interface ListModelsUseCase {

    /**
     * The models of every endpoint that could list them.
     *
     * @throws dev.sheepdog.domain.model.ProviderException when no endpoint could: the first provider failure
     */
    List<ModelInfo> listModels();
}
