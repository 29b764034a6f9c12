package dev.sheepdog.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.KnownModels;
import dev.sheepdog.domain.model.ModelInfo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Listing the models teaches the known models what the providers serve. */
class ModelCatalogueTest {

    @Test
    void aListedModelKeepsALabelOfItsOwn() {
        KnownModels known = new KnownModels(Set.of(), KnownModels.DEFAULT_LEARNING_LIMIT);
        List<ModelInfo> listed = List.of(new ModelInfo("qwen3-coder", "holysheep"), new ModelInfo("kimi-k2", "holysheep"));
        ModelCatalogue catalogue = new ModelCatalogue(() -> listed, known);

        assertThat(known.labelOf("qwen3-coder")).as("before listing").isEqualTo(KnownModels.OTHER);
        assertThat(catalogue.listModels()).isEqualTo(listed);
        assertThat(known.labelOf("qwen3-coder")).isEqualTo("qwen3-coder");
        assertThat(known.labelOf("kimi-k2")).isEqualTo("kimi-k2");
    }
}
