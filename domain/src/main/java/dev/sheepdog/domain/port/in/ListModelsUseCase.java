package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.ModelInfo;
import java.util.List;

/** List the models a client can ask for through this gateway. */
public interface ListModelsUseCase {

    List<ModelInfo> listModels();
}
