package dev.sheepdog.app;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** sheepdog.yaml as written: Jackson reads the file into these records, {@link ConfigFile} checks and converts them. */
final class ConfigFileModel {

    private ConfigFileModel() {
    }

    record File(List<EndpointEntry> endpoints, CanaryEntry canary, ShadowEntry shadow, Map<String, PriceEntry> prices) {
    }

    /** US dollars per million tokens. */
    record PriceEntry(BigDecimal input, BigDecimal output) {
    }

    record EndpointEntry(String id, String provider, String baseUrl, String role, Double weight, Double shadowFraction,
                         List<String> models, List<String> keysFromEnv, Map<String, String> deadlines,
                         CircuitEntry circuitBreaker) {
    }

    record CircuitEntry(Float failureRatePercent, Integer window, Integer minimumCalls, String openFor,
                        Integer trialCalls) {
    }

    record CanaryEntry(String interval, String window, Long minSamples, Double step, Double p95Tolerance,
                       String p95Slo, Double rollbackFactor, Double errorMargin, Double rollbackErrorMargin,
                       Integer healthyToStep, Integer worseToRollBack) {
    }

    record ShadowEntry(Integer maxConcurrent) {
    }
}
