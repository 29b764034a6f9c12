package dev.sheepdog.adapter.in.http;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyChangeRejected;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.KeyStatus;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.port.in.AddKeyUseCase;
import dev.sheepdog.domain.port.in.DisableKeyUseCase;
import dev.sheepdog.domain.port.in.EnableKeyUseCase;
import dev.sheepdog.domain.port.in.ListKeysUseCase;
import dev.sheepdog.domain.port.in.RemoveKeyUseCase;
import dev.sheepdog.domain.port.in.RotateKeyUseCase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The key use cases as the admin routes see them: records each call, and refuses when told to. */
final class FakeKeyAdministration implements ListKeysUseCase, AddKeyUseCase, RotateKeyUseCase, DisableKeyUseCase,
        EnableKeyUseCase, RemoveKeyUseCase {

    static final EndpointId ENDPOINT = new EndpointId("holysheep");
    static final Instant ADDED = Instant.parse("2026-11-24T09:00:00Z");

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<ApiKey> secretsReceived = new CopyOnWriteArrayList<>();
    private volatile RuntimeException refusal;

    void refuseWith(RuntimeException refusal) {
        this.refusal = refusal;
    }

    KeyAdministration asAdministration() {
        return new KeyAdministration(this, this, this, this, this, this);
    }

    static KeyStatus status(String fingerprint, KeyState state) {
        return new KeyStatus(ENDPOINT, fingerprint, state, ADDED, 3, 1, Optional.of(ADDED), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Override
    public Map<EndpointId, List<KeyStatus>> listKeys() {
        Map<EndpointId, List<KeyStatus>> keys = new LinkedHashMap<>();
        keys.put(ENDPOINT, List.of(status("ab12cd34", KeyState.ACTIVE)));
        return keys;
    }

    @Override
    public KeyStatus addKey(EndpointId endpoint, ApiKey key, String actor) {
        record("add " + endpoint + " by " + actor, key);
        return status(key.fingerprint(), KeyState.ACTIVE);
    }

    @Override
    public KeyStatus rotateKey(EndpointId endpoint, String oldFingerprint, ApiKey newKey, String actor) {
        record("rotate " + endpoint + " " + oldFingerprint + " by " + actor, newKey);
        return status(newKey.fingerprint(), KeyState.ACTIVE);
    }

    @Override
    public void disableKey(EndpointId endpoint, String fingerprint, String actor) {
        record("disable " + endpoint + " " + fingerprint + " by " + actor, null);
    }

    @Override
    public void enableKey(EndpointId endpoint, String fingerprint, String actor) {
        record("enable " + endpoint + " " + fingerprint + " by " + actor, null);
    }

    @Override
    public void removeKey(EndpointId endpoint, String fingerprint, String actor) {
        record("remove " + endpoint + " " + fingerprint + " by " + actor, null);
    }

    private void record(String call, ApiKey key) {
        if (refusal != null) {
            throw refusal;
        }
        calls.add(call);
        if (key != null) {
            secretsReceived.add(key);
        }
    }

    static KeyChangeRejected rejected(KeyChangeRejected.Reason reason) {
        return new KeyChangeRejected(reason, "Refused: " + reason + ".");
    }

    static KeyStoreException storeDown() {
        return new KeyStoreException("the disk is full");
    }
}
