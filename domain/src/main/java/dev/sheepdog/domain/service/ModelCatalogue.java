package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.KnownModels;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.port.in.ListModelsUseCase;
import java.util.List;

/**
 * Lists the models of every endpoint, and learns the listed ids as known models: a model a provider
 * serves keeps a metric label of its own even when its endpoint passes every model on.
 */
public final class ModelCatalogue implements ListModelsUseCase {

    private final ListModelsUseCase listing;
    private final KnownModels known;

    public ModelCatalogue(ListModelsUseCase listing, KnownModels known) {
        this.listing = listing;
        this.known = known;
    }

    @Override
    public List<ModelInfo> listModels() {
        List<ModelInfo> models = listing.listModels();
        known.learn(models.stream().map(ModelInfo::id).toList());
        return models;
    }
}
