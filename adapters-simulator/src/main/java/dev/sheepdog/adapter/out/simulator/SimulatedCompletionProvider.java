package dev.sheepdog.adapter.out.simulator;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.port.out.CompletionProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A model that runs in process: plausible, deterministic answers at a real model's pace, with no
 * network and no key. The offline default of {@code serve}, and the upstream of the benchmarks.
 */
public final class SimulatedCompletionProvider implements CompletionProvider {

    /** The provider name endpoints use to pick this adapter. */
    public static final String NAME = "simulator";

    private final SimulatorSettings settings;
    private final SimulatorActivity activity = new SimulatorActivity();

    public SimulatedCompletionProvider(SimulatorSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    /** Answers the request; the endpoint and the key mean nothing to a model without network or account. */
    @Override
    public CompletionStream open(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        OptionalLong seed = request.sampling().seed();
        return open(request, seed.isPresent() ? Long.toString(seed.getAsLong()) : "");
    }

    /** Answers the request with a text varied by {@code seed} (the same seed gives the same answer; "" for none). */
    CompletionStream open(CompletionRequest request, String seed) {
        requireNonNull(seed, "seed");
        if (!settings.models().contains(request.model())) {
            return CompletionStream.failed(new CompletionFailure(FailureKind.MODEL_NOT_FOUND,
                    "The model '" + request.model() + "' does not exist.", 404,
                    Optional.of("model_not_found"), Optional.empty()));
        }
        SimulatorFaults faults = settings.faults();
        if (faults.failStatus().isPresent() && ThreadLocalRandom.current().nextDouble() < faults.failRate()) {
            return CompletionStream.failed(SimulatedFailures.forStatus(faults.failStatus().getAsInt()));
        }
        SimulatedAnswer answer = SimulatedAnswer.plan(request, seed, settings);
        activity.opened();
        return new SimulatedStream(new SimulatedEvents(answer, request.stream(), faults), settings, activity);
    }

    @Override
    public List<ModelInfo> listModels(Endpoint endpoint, ApiKey key, Duration timeout) {
        return settings.models().stream().map(id -> new ModelInfo(id, "sheepdog-simulator")).toList();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public SimulatorActivity activity() {
        return activity;
    }
}
