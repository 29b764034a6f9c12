package dev.sheepdog.app;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Who may call the gateway, from flags and the configuration file's {@code access:} section.
 *
 * @param allowAnonymous  serve callers with no credentials from anywhere, each address within {@code anonymousPlan}
 * @param trustedProxies  addresses and CIDR ranges whose forwarded headers name the caller
 * @param metricsToken    when present, {@code /metrics} needs it as a bearer token
 * @param plans           the plans by name, for user tokens and for new client keys
 * @param defaultUserPlan the plan of a user whose token names none, or one not defined
 * @param userTokens      how user tokens are verified, when the product's login signs them
 */
public record AccessConfig(boolean allowAnonymous, List<String> trustedProxies, Optional<String> metricsToken,
                           Plan anonymousPlan, Map<String, Plan> plans, Plan defaultUserPlan,
                           Optional<UserTokenConfig> userTokens) {

    /** Each anonymous address: 30 requests and 60,000 tokens a minute, 4 streams, $1 a day. */
    public static final Plan ANONYMOUS_PLAN = new Plan("anonymous", new Limits(OptionalInt.of(30),
            OptionalLong.of(60_000), OptionalInt.of(4), Optional.of(new BigDecimal("1.00")), Optional.empty()),
            Set.of());

    /** Loopback callers only, unless the gateway answers from the simulator alone. */
    public static final AccessConfig DEFAULT = new AccessConfig(false, List.of(), Optional.empty(), ANONYMOUS_PLAN,
            Map.of(), ANONYMOUS_PLAN, Optional.empty());

    public AccessConfig {
        trustedProxies = List.copyOf(trustedProxies);
        requireNonNull(metricsToken, "metricsToken");
        requireNonNull(anonymousPlan, "anonymousPlan");
        plans = Map.copyOf(plans);
        requireNonNull(defaultUserPlan, "defaultUserPlan");
        requireNonNull(userTokens, "userTokens");
    }

    /** The same, with what flags and environment variables add. */
    public AccessConfig withFlags(boolean anonymous, List<String> proxies, Optional<String> token) {
        List<String> allProxies = new ArrayList<>(trustedProxies);
        allProxies.addAll(proxies);
        return new AccessConfig(allowAnonymous || anonymous, allProxies, token.or(() -> metricsToken),
                anonymousPlan, plans, defaultUserPlan, userTokens);
    }

    @Override
    public String toString() {
        return "AccessConfig[allowAnonymous=" + allowAnonymous + ", trustedProxies=" + trustedProxies
                + ", metricsToken=" + (metricsToken.isPresent() ? "****" : "none") + ", plans=" + plans.keySet()
                + ", userTokens=" + userTokens.isPresent() + "]";
    }
}
