package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.TrafficReport;

/** Stop or restart the canary controller; the weight then only moves by hand. */
public interface PauseCanaryUseCase {

    TrafficReport setCanaryPaused(boolean paused, String actor);
}
