package dev.sheepdog.app;

import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Reads the {@code access:} section of sheepdog.yaml: anonymous access, proxies, plans and user tokens. */
final class AccessEntryReader {

    // RFC 7518 3.2: an HS256 key is at least as long as the hash (256 bits).
    private static final int MIN_HS256_SECRET_BYTES = 32;

    private AccessEntryReader() {
    }

    static AccessConfig read(Path path, ConfigFileModel.AccessEntry entry, Map<String, String> environment) {
        if (entry == null) {
            return AccessConfig.DEFAULT;
        }
        Plan anonymous = entry.anonymous() == null ? AccessConfig.ANONYMOUS_PLAN
                : plan(path, "access.anonymous", "anonymous", entry.anonymous());
        Map<String, Plan> plans = new LinkedHashMap<>();
        if (entry.plans() != null) {
            entry.plans().forEach((name, plan) -> plans.put(name, plan(path, "access.plans." + name, name, plan)));
        }
        Optional<ConfigFileModel.JwtEntry> jwt = Optional.ofNullable(entry.jwt());
        Optional<String> defaultPlanName = jwt.map(ConfigFileModel.JwtEntry::defaultPlan);
        if (defaultPlanName.isPresent() && !plans.containsKey(defaultPlanName.get())) {
            throw new ConfigFileException(path + ": access.jwt.default_plan '" + defaultPlanName.get()
                    + "' is not one of access.plans " + plans.keySet() + ".");
        }
        Plan defaultUserPlan = defaultPlanName.map(plans::get)
                .orElseGet(() -> new Plan("default", anonymous.limits(), anonymous.models()));
        return new AccessConfig(Boolean.TRUE.equals(entry.allowAnonymous()),
                entry.trustedProxies() == null ? List.of() : entry.trustedProxies(), Optional.empty(), anonymous,
                plans, defaultUserPlan, jwt.map(value -> userTokens(path, value, environment)));
    }

    private static Plan plan(Path path, String where, String name, ConfigFileModel.PlanEntry entry) {
        try {
            Limits limits = new Limits(
                    entry.rpm() == null ? OptionalInt.empty() : OptionalInt.of(entry.rpm()),
                    entry.tpm() == null ? OptionalLong.empty() : OptionalLong.of(entry.tpm()),
                    entry.concurrentStreams() == null ? OptionalInt.empty() : OptionalInt.of(entry.concurrentStreams()),
                    Optional.ofNullable(entry.dailyUsd()), Optional.ofNullable(entry.monthlyUsd()));
            return new Plan(name, limits, entry.models() == null ? Set.of() : Set.copyOf(entry.models()));
        } catch (IllegalArgumentException e) {
            throw new ConfigFileException(path + ": " + where + ": " + e.getMessage() + ".");
        }
    }

    private static UserTokenConfig userTokens(Path path, ConfigFileModel.JwtEntry entry,
                                              Map<String, String> environment) {
        if ((entry.jwksUrl() == null) == (entry.hs256SecretEnv() == null)) {
            throw new ConfigFileException(path + ": access.jwt needs exactly one of jwks_url (the login's public "
                    + "keys) or hs256_secret_env (the environment variable holding a shared secret).");
        }
        if (entry.issuer() == null || entry.audience() == null || entry.audience().isEmpty()) {
            throw new ConfigFileException(path + ": access.jwt needs issuer and audience (the values your login "
                    + "puts in 'iss' and 'aud').");
        }
        Optional<String> secret = Optional.ofNullable(entry.hs256SecretEnv()).map(variable -> {
            String value = environment.get(variable);
            if (value == null || value.isBlank()) {
                throw new ConfigFileException(path + ": access.jwt.hs256_secret_env names " + variable
                        + ", which is not set.");
            }
            int bytes = value.strip().getBytes(StandardCharsets.UTF_8).length;
            if (bytes < MIN_HS256_SECRET_BYTES) {
                throw new ConfigFileException(path + ": access.jwt.hs256_secret_env names " + variable + ", which holds "
                        + bytes + " bytes; an HS256 secret needs at least " + MIN_HS256_SECRET_BYTES + ".");
            }
            return value.strip();
        });
        try {
            return new UserTokenConfig(Optional.ofNullable(entry.jwksUrl()).map(URI::create), secret, entry.issuer(),
                    Set.copyOf(entry.audience()), ConfigFile.duration(entry.leeway()).orElse(Duration.ofSeconds(60)),
                    entry.planClaim() == null ? "plan" : entry.planClaim());
        } catch (IllegalArgumentException e) {
            throw new ConfigFileException(path + ": access.jwt: " + e.getMessage() + ".");
        }
    }
}
