package dev.sheepdog.support.files;

import dev.sheepdog.domain.model.StoredKey;

/** Planted violation: shared file plumbing that knows what a key is. */
public class PlantedStoredKeyUse {
    StoredKey key;
}
