package dev.sheepdog.domain.model;

/** How hard a reasoning model should think before it answers; each adapter maps it to its provider's terms. */
public enum ReasoningEffort { MINIMAL, LOW, MEDIUM, HIGH }
