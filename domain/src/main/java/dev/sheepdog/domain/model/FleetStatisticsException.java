package dev.sheepdog.domain.model;

/** The fleet's statistics cannot be reported or read just now; the canary then waits for the next interval. */
public final class FleetStatisticsException extends RuntimeException {

    public FleetStatisticsException(String message, Throwable cause) {
        super(message, cause);
    }
}
