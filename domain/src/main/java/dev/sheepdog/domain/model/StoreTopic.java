package dev.sheepdog.domain.model;

/**
 * What changed in the stores a fleet of gateways shares. Client keys need no news: they are looked
 * up in the store on every request.
 */
public enum StoreTopic {
    KEYS,
    ROUTES,
    /** Which keys rest for which models after a provider's 429 (not stored with the keys: a rest lasts seconds). */
    KEY_RESTS
}
