package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.Standing;

/** See where a caller stands against its limits and budgets right now. */
public interface ViewCallerStandingUseCase {

    Standing standing(Caller caller);
}
