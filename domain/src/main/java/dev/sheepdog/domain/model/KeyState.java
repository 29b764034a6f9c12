package dev.sheepdog.domain.model;

/** Where a provider key stands in its endpoint's pool. */
public enum KeyState {
    /** Takes new requests, in turn with the other active keys. */
    ACTIVE,
    /** Rate limited: takes no new requests until its cool-down ends, then is active again. */
    COOLING,
    /** Replaced by a rotation: finishes the streams it carries, takes no new ones, then leaves the store. */
    RETIRING,
    /** Refused by the provider or switched off by an operator: takes nothing until re-enabled or removed. */
    DISABLED
}
