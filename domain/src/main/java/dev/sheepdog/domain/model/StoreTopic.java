package dev.sheepdog.domain.model;

/**
 * What changed in the stores a fleet of gateways shares. Client keys need no news: they are looked
 * up in the store on every request.
 */
public enum StoreTopic {
    KEYS,
    ROUTES
}
