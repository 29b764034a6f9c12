package dev.sheepdog.adapter.in.http;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.port.in.PauseCanaryUseCase;
import dev.sheepdog.domain.port.in.PromoteCanaryUseCase;
import dev.sheepdog.domain.port.in.RollBackCanaryUseCase;
import dev.sheepdog.domain.port.in.SetCanaryWeightUseCase;
import dev.sheepdog.domain.port.in.ViewTrafficUseCase;

/** The routing use cases the admin API calls. */
public record TrafficAdministration(ViewTrafficUseCase view, SetCanaryWeightUseCase setWeight,
                                    PauseCanaryUseCase pause, PromoteCanaryUseCase promote,
                                    RollBackCanaryUseCase rollBack) {

    public TrafficAdministration {
        requireNonNull(view, "view");
        requireNonNull(setWeight, "setWeight");
        requireNonNull(pause, "pause");
        requireNonNull(promote, "promote");
        requireNonNull(rollBack, "rollBack");
    }
}
