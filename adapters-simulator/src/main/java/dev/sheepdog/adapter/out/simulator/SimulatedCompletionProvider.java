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
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A model that runs in process: plausible, deterministic answers at a real model's pace, with no
 * network and no key. The offline default of {@code serve}, and the upstream of the benchmarks.
 */
public final class SimulatedCompletionProvider implements CompletionProvider {

    /** The provider name endpoints use to pick this adapter. */
    public static final String NAME = "simulator";

    private final SimulatorSettings settings;
    private final Clock clock;
    private final SimulatorActivity activity = new SimulatorActivity();

    public SimulatedCompletionProvider(SimulatorSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public CompletionStream open(Endpoint endpoint, ApiKey key, CompletionRequest request) {
        if (!settings.models().contains(request.model())) {
            return CompletionStream.failed(new CompletionFailure(FailureKind.MODEL_NOT_FOUND,
                    "The model '" + request.model() + "' does not exist.", 404,
                    Optional.of("model_not_found"), Optional.empty()));
        }
        SimulatorFaults faults = settings.faults();
        if (faults.failStatus().isPresent() && ThreadLocalRandom.current().nextDouble() < faults.failRate()) {
            return CompletionStream.failed(SimulatedFailures.forStatus(faults.failStatus().getAsInt()));
        }
        SimulatedAnswer answer = SimulatedAnswer.plan(request, settings);
        String id = "chatcmpl-sim-" + HexFormat.of().toHexDigits(answer.text().hashCode());
        ChunkJson json = new ChunkJson(id, request.model(), clock.instant().getEpochSecond());
        activity.opened();
        return new SimulatedStream(new SimulatedEvents(answer, json, request.stream(), faults), settings, activity);
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
