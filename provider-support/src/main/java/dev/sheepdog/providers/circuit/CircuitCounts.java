package dev.sheepdog.providers.circuit;

/**
 * What an endpoint's circuit has counted in its window: calls that succeeded and failed, all it
 * holds, and those it refused while open; for operators and for tests of the one-outcome-per-call rule.
 */
public record CircuitCounts(int successful, int failed, int buffered, long notPermitted) {

    static final CircuitCounts NONE = new CircuitCounts(0, 0, 0, 0);
}
