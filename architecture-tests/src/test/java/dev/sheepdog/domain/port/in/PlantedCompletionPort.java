package dev.sheepdog.domain.port.in;

/** Planted violation: an inbound port not named as a use case. */
public interface PlantedCompletionPort {
}
