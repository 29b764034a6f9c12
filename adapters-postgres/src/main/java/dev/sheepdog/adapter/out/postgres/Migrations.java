package dev.sheepdog.adapter.out.postgres;

import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date from the versioned SQL files in {@code db/migration/postgres}. Several
 * instances may start at once: Flyway holds a lock on the database while it migrates, so one migrates and
 * the others find it done.
 */
final class Migrations {

    static final String LOCATION = "classpath:db/migration/postgres";

    private Migrations() {
    }

    /** Migrates to the latest version, or to {@code target} (tests bring a database to an earlier one). */
    static MigrateResult migrate(DataSource pool, Optional<String> target) {
        var configuration = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(pool)
                .locations(LOCATION)
                .failOnMissingLocations(true);
        target.ifPresent(configuration::target);
        return configuration.load().migrate();
    }
}
