package dev.sheepdog.app;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** sheepdog.yaml as written: Jackson reads the file into these records, {@link ConfigFile} checks and converts them. */
final class ConfigFileModel {

    private ConfigFileModel() {
    }

    record File(List<EndpointEntry> endpoints, CanaryEntry canary, ShadowEntry shadow, Map<String, PriceEntry> prices,
                AccessEntry access) {
    }

    record AccessEntry(Boolean allowAnonymous, List<String> trustedProxies, PlanEntry anonymous,
                       Map<String, PlanEntry> plans, JwtEntry jwt) {
    }

    /** Limits and budgets; US dollars for the budgets. */
    record PlanEntry(Integer rpm, Long tpm, Integer concurrentStreams, BigDecimal dailyUsd, BigDecimal monthlyUsd,
                     List<String> models) {
    }

    record JwtEntry(String jwksUrl, String hs256SecretEnv, String issuer, List<String> audience, String leeway,
                    String planClaim, String defaultPlan) {
    }

    /** US dollars per million tokens; cached input tokens cost as fresh ones unless their rates are given. */
    record PriceEntry(BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite) {
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
