package dev.sheepdog.adapter.out.routestore;

import org.postgresql.util.PSQLException;

/** Planted violation: the fleet database's driver in a file store. */
public class PlantedPostgresDriverUse {
    PSQLException failure;
}
