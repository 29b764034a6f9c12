package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.INFO;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.KeyChangeRejected;
import dev.sheepdog.domain.model.KeyChanges;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyStatus;
import dev.sheepdog.domain.model.ProviderException;
import dev.sheepdog.domain.port.in.AddKeyUseCase;
import dev.sheepdog.domain.port.in.DisableKeyUseCase;
import dev.sheepdog.domain.port.in.EnableKeyUseCase;
import dev.sheepdog.domain.port.in.ListKeysUseCase;
import dev.sheepdog.domain.port.in.RemoveKeyUseCase;
import dev.sheepdog.domain.port.in.RotateKeyUseCase;
import dev.sheepdog.domain.port.out.CompletionProvider;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** An operator's key management: every change checked, stored, applied, and written to the audit log. */
public final class KeyService implements ListKeysUseCase, AddKeyUseCase, RotateKeyUseCase, DisableKeyUseCase,
        EnableKeyUseCase, RemoveKeyUseCase {

    private static final System.Logger AUDIT = System.getLogger("sheepdog.audit");

    private final KeyRing ring;
    private final Endpoints endpoints;
    private final Map<String, CompletionProvider> providers;
    private final KeyPolicy policy;
    private final Clock clock;

    public KeyService(KeyRing ring, Endpoints endpoints, Map<String, CompletionProvider> providers, KeyPolicy policy,
                      Clock clock) {
        this.ring = ring;
        this.endpoints = endpoints;
        this.providers = Map.copyOf(providers);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Map<EndpointId, List<KeyStatus>> listKeys() {
        return ring.statuses();
    }

    @Override
    public KeyStatus addKey(EndpointId endpoint, ApiKey key, String actor) {
        KeyChanges.add(ring.pool(endpoint).stored(), key, clock.instant()); // refuses a duplicate before any call
        validate(endpoints.find(endpoint), key);
        ring.change(endpoint, keys -> KeyChanges.add(keys, key, clock.instant()));
        audit(actor, "add", endpoint, "key=" + key.fingerprint());
        return statusOf(endpoint, key.fingerprint());
    }

    @Override
    public KeyStatus rotateKey(EndpointId endpoint, String oldFingerprint, ApiKey newKey, String actor) {
        // An unknown old key or a duplicate new one is refused before the provider is asked.
        KeyChanges.rotate(ring.pool(endpoint).stored(), oldFingerprint, newKey, clock.instant());
        validate(endpoints.find(endpoint), newKey);
        ring.change(endpoint, keys -> KeyChanges.rotate(keys, oldFingerprint, newKey, clock.instant()));
        audit(actor, "rotate", endpoint, "old=" + oldFingerprint + " new=" + newKey.fingerprint());
        return statusOf(endpoint, newKey.fingerprint());
    }

    @Override
    public void disableKey(EndpointId endpoint, String fingerprint, String actor) {
        ring.change(endpoint, keys -> KeyChanges.disable(keys, fingerprint));
        audit(actor, "disable", endpoint, "key=" + fingerprint);
    }

    @Override
    public void enableKey(EndpointId endpoint, String fingerprint, String actor) {
        ring.change(endpoint, keys -> KeyChanges.enable(keys, fingerprint));
        audit(actor, "enable", endpoint, "key=" + fingerprint);
    }

    @Override
    public void removeKey(EndpointId endpoint, String fingerprint, String actor) {
        ring.change(endpoint, keys -> KeyChanges.remove(keys, fingerprint));
        audit(actor, "remove", endpoint, "key=" + fingerprint);
    }

    // A typo'd or revoked key must never take traffic: the provider lists its models for it first.
    private void validate(Endpoint endpoint, ApiKey key) {
        try {
            providers.get(endpoint.provider()).listModels(endpoint, key, policy.validationTimeout());
        } catch (ProviderException e) {
            throw new KeyChangeRejected(KeyChangeRejected.Reason.VALIDATION_FAILED, "The provider did not accept key "
                    + key.fingerprint() + ": " + e.failure().message() + " Nothing was changed.");
        }
    }

    private KeyStatus statusOf(EndpointId endpoint, String fingerprint) {
        return ring.pool(endpoint).statuses().stream().filter(status -> status.fingerprint().equals(fingerprint))
                .findFirst().orElseThrow();
    }

    private static void audit(String actor, String action, EndpointId endpoint, String keys) {
        AUDIT.log(INFO, "actor={0} action={1} endpoint={2} {3}", actor, action, endpoint, keys);
    }
}
