package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;

import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.KeyEvent;
import dev.sheepdog.domain.model.KeyLease;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.ProviderException;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Judges a key the provider refused (401/403) on a completion by asking the provider's
 * {@code GET /models} with it: a caller can make a provider refuse its request, never the key.
 * At most one check per key is in flight, and its outcome stands for {@link KeyPolicy#recheckAfter()}.
 */
final class KeyRechecks {

    private static final System.Logger LOG = System.getLogger("sheepdog.keys");

    private enum Verdict { ACCEPTED, REFUSED, UNREACHABLE }

    private record KeyId(EndpointId endpoint, String fingerprint) {
    }

    /** One key's last outcome and the check in flight, if any. Guarded by itself. */
    private static final class Check {
        CompletableFuture<Verdict> inFlight;
        Verdict last;
        Instant lastAt;
    }

    private final Map<String, CompletionProvider> providers;
    private final KeyPolicy policy;
    private final Clock clock;
    private final Telemetry telemetry;
    // One entry per key ever refused: bounded by the keys an operator added.
    private final ConcurrentMap<KeyId, Check> checks = new ConcurrentHashMap<>();

    KeyRechecks(Map<String, CompletionProvider> providers, KeyPolicy policy, Clock clock, Telemetry telemetry) {
        this.providers = Map.copyOf(providers);
        this.policy = policy;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    /**
     * What a completion's refusal means: the refusal itself when the key is refused too (and then
     * disabled) or could not be checked (the key stays), {@link FailureKind#REQUEST_REFUSED} when
     * the provider accepts the key.
     */
    CompletionFailure judge(Endpoint endpoint, KeyLease lease, CompletionFailure refusal) throws InterruptedException {
        if (lease.endpoint().isEmpty()) {
            return refusal; // no key to doubt
        }
        Check check = checks.computeIfAbsent(new KeyId(endpoint.id(), lease.key().fingerprint()), id -> new Check());
        CompletableFuture<Verdict> mine = null;
        CompletableFuture<Verdict> theirs = null;
        Verdict remembered = null;
        synchronized (check) {
            if (check.last != null && clock.instant().isBefore(check.lastAt.plus(policy.recheckAfter()))) {
                remembered = check.last;
            } else if (check.inFlight != null) {
                theirs = check.inFlight;
            } else {
                mine = check.inFlight = new CompletableFuture<>();
            }
        }
        Verdict verdict = mine != null ? ask(endpoint, lease, check, mine)
                : theirs != null ? await(theirs) : remembered;
        return apply(verdict, mine != null, endpoint, lease, refusal);
    }

    private Verdict ask(Endpoint endpoint, KeyLease lease, Check check, CompletableFuture<Verdict> mine) {
        Verdict verdict = Verdict.UNREACHABLE;
        try {
            CompletionProvider provider = providers.get(endpoint.provider());
            if (provider != null) {
                provider.listModels(endpoint, lease.key(), policy.validationTimeout());
                verdict = Verdict.ACCEPTED;
            }
        } catch (ProviderException e) {
            verdict = e.failure().kind() == FailureKind.UPSTREAM_AUTH ? Verdict.REFUSED : Verdict.UNREACHABLE;
        } catch (RuntimeException e) {
            verdict = Verdict.UNREACHABLE; // an adapter's bug confirms nothing
        } finally {
            synchronized (check) {
                check.inFlight = null;
                // A refused key is disabled; should an operator enable it again, its next refusal is checked anew.
                check.last = verdict == Verdict.REFUSED ? null : verdict;
                check.lastAt = clock.instant();
            }
            mine.complete(verdict);
        }
        return verdict;
    }

    private Verdict await(CompletableFuture<Verdict> theirs) throws InterruptedException {
        try {
            // The check in flight is itself bounded by the validation timeout; this only guards against an adapter that is not.
            return theirs.get(policy.validationTimeout().multipliedBy(2).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Verdict.UNREACHABLE;
        }
    }

    private CompletionFailure apply(Verdict verdict, boolean asked, Endpoint endpoint, KeyLease lease,
                                    CompletionFailure refusal) {
        String fingerprint = lease.key().fingerprint();
        int status = refusal.upstreamStatus();
        String how = asked ? "GET /models" : "the check of the last " + policy.recheckAfter().toSeconds() + " s";
        return switch (verdict) {
            case REFUSED -> {
                decided(asked, ERROR, new KeyEvent(KeyEvent.Kind.REFUSAL_CONFIRMED, endpoint.id(), fingerprint,
                        "HTTP " + status + " on a completion, and " + how + " refused the key too"));
                lease.refused(status, clock.instant());
                yield refusal;
            }
            case ACCEPTED -> {
                decided(asked, WARNING, new KeyEvent(KeyEvent.Kind.REFUSAL_NOT_CONFIRMED, endpoint.id(), fingerprint,
                        "HTTP " + status + " on a completion, but " + how + " accepts the key: the request was refused"));
                yield new CompletionFailure(FailureKind.REQUEST_REFUSED, "The provider refused this request (HTTP "
                        + status + "); it accepts the gateway's key, so the request itself is what it refused.",
                        status, refusal.upstreamCode(), Optional.empty(), refusal.providerError());
            }
            case UNREACHABLE -> {
                decided(asked, WARNING, new KeyEvent(KeyEvent.Kind.REFUSAL_UNVERIFIED, endpoint.id(), fingerprint,
                        "HTTP " + status + " on a completion, and " + how + " could not check the key: it stays active"));
                yield refusal;
            }
        };
    }

    // Every decision is counted; only those that asked the provider are logged, so a caller cannot flood the log.
    private void decided(boolean asked, System.Logger.Level level, KeyEvent event) {
        LOG.log(asked ? level : DEBUG, "key {0} of endpoint {1}: {2}", event.fingerprint(), event.endpoint(),
                event.detail());
        telemetry.keyEvent(event);
    }
}
