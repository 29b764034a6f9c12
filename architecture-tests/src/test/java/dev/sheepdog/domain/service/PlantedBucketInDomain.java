package dev.sheepdog.domain.service;

import io.github.bucket4j.Bucket;

/** Planted violation: the domain holding a Bucket4j bucket instead of asking LimitCounters. */
public class PlantedBucketInDomain {
    Bucket bucket;
}
