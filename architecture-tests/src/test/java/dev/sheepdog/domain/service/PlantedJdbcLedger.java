package dev.sheepdog.domain.service;

import java.sql.Connection;

/** Planted violation: the domain writing usage with JDBC instead of through the UsageLedger port. */
public class PlantedJdbcLedger {
    Connection connection;
}
