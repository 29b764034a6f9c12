package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.SpendReport;

/** See what the traffic cost, per model and endpoint, and over time. */
public interface ViewSpendUseCase {

    SpendReport spend();
}
