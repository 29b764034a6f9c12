package dev.sheepdog.app;

import dagger.Module;
import dagger.Provides;
import dev.sheepdog.adapter.in.http.CallerAuthentication;
import dev.sheepdog.adapter.in.http.TrustedProxies;
import dev.sheepdog.adapter.out.jwt.JwtSettings;
import dev.sheepdog.adapter.out.jwt.NimbusUserTokenVerifier;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.PriceTable;
import dev.sheepdog.domain.model.caller.AccessPolicy;
import dev.sheepdog.domain.port.in.IdentifyCallerUseCase;
import dev.sheepdog.domain.port.in.StreamCompletionUseCase;
import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.UsageLedger;
import dev.sheepdog.domain.port.out.UserTokenVerifier;
import dev.sheepdog.domain.service.CompletionService;
import dev.sheepdog.domain.service.caller.AdmissionService;
import dev.sheepdog.domain.service.caller.CallerIdentification;
import dev.sheepdog.domain.service.caller.ClientKeyService;
import dev.sheepdog.domain.service.caller.UsageReports;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Singleton;

/** Callers: who they are (client keys, user tokens, addresses), their limits and budgets, and the usage ledger. */
@Module
final class CallerModule {

    private CallerModule() {
    }

    @Provides
    @Singleton
    static Optional<UserTokenVerifier> userTokens(GatewayConfig config, Clock clock) {
        return config.access().userTokens().map(tokens -> new NimbusUserTokenVerifier(new JwtSettings(
                tokens.jwksUrl(), tokens.hs256Secret(), tokens.issuer(), tokens.audiences(), tokens.leeway(),
                tokens.planClaim(), JwtSettings.DEFAULT_MAX_TOKEN_BYTES, JwtSettings.DEFAULT_JWKS_CACHE_TTL,
                JwtSettings.DEFAULT_JWKS_REFRESH_MIN_INTERVAL, JwtSettings.DEFAULT_JWKS_TIMEOUT), clock));
    }

    /** The simulator spends nobody's money: with nothing else behind the gateway, anyone may try it. */
    @Provides
    @Singleton
    static AccessPolicy accessPolicy(GatewayConfig config, Endpoints endpoints) {
        AccessConfig access = config.access();
        return new AccessPolicy(access.allowAnonymous() || ProviderModule.simulatorOnly(endpoints), access.anonymousPlan(), access.plans(),
                access.defaultUserPlan());
    }

    @Provides
    @Singleton
    static IdentifyCallerUseCase identification(ClientStore clients, Optional<UserTokenVerifier> users,
                                                AccessPolicy policy, Clock clock) {
        return new CallerIdentification(clients, users, policy, clock);
    }

    @Provides
    @Singleton
    static CallerAuthentication callerAuthentication(IdentifyCallerUseCase identify, GatewayConfig config) {
        return new CallerAuthentication(identify, new TrustedProxies(config.access().trustedProxies()));
    }

    @Provides
    @Singleton
    static AdmissionService admission(CompletionService completions, LimitCounters counters, UsageLedger ledger,
                                      PriceTable prices, Clock clock) {
        return new AdmissionService(completions, counters, ledger, prices, clock);
    }

    @Provides
    static StreamCompletionUseCase streamCompletion(AdmissionService admission) {
        return admission;
    }

    @Provides
    @Singleton
    static ClientKeyService clientKeys(ClientStore store, Clock clock) {
        return new ClientKeyService(store, clock);
    }

    @Provides
    @Singleton
    static UsageReports usageReports(UsageLedger ledger) {
        return new UsageReports(ledger);
    }
}
