package dev.sheepdog.adapter.out.callerstore;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database of client keys and usage, {@code sheepdog-callers.mv.db} in the data
 * directory: opened once, its schema migrated by Flyway, closed with the gateway.
 */
public final class CallerDatabase implements AutoCloseable {

    /** The database's name in the data directory; H2 adds {@code .mv.db}. */
    public static final String NAME = "sheepdog-callers";
    private static final Logger LOG = LoggerFactory.getLogger(CallerDatabase.class);
    private static final int MAX_CONNECTIONS = 8;
    private static final int CONNECTION_WAIT_SECONDS = 30;
    // WRITE_DELAY=0: a commit reaches the file before it returns, so a record survives kill -9 (H2 waits 500 ms
    // by default). DB_CLOSE_ON_EXIT=FALSE: the gateway, not H2's shutdown hook, decides when the last record is in.
    private static final String SETTINGS = ";WRITE_DELAY=0;LOCK_TIMEOUT=5000;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";

    private final Path file;
    private final JdbcConnectionPool pool;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final H2ClientStore clientStore;
    private final H2UsageLedger usageLedger;

    private CallerDatabase(Path directory) {
        Path base = directory.toAbsolutePath().resolve(NAME);
        this.file = base.resolveSibling(NAME + ".mv.db");
        this.pool = JdbcConnectionPool.create("jdbc:h2:file:" + base + SETTINGS, "sheepdog", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        pool.setLoginTimeout(CONNECTION_WAIT_SECONDS);
        Transactions transactions = new Transactions(pool, file.toString(), closed::get);
        this.clientStore = new H2ClientStore(transactions);
        this.usageLedger = new H2UsageLedger(transactions, new UsageRecordWriter(pool, file.toString(), closed::get),
                file.toString());
    }

    /**
     * Opens (or creates) the database in this data directory and brings its schema up to date.
     *
     * @throws CallerStoreException when another process has it open, or it cannot be created, read or migrated
     */
    public static CallerDatabase open(Path dataDirectory) {
        requireNonNull(dataDirectory, "dataDirectory");
        if (dataDirectory.toString().contains(";")) {
            throw new CallerStoreException("the data directory's path cannot contain ';' (H2 reads it as a setting): "
                    + dataDirectory);
        }
        DatabaseFile.createOwnerOnly(dataDirectory, NAME + ".mv.db");
        CallerDatabase database = new CallerDatabase(dataDirectory);
        try {
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private void migrate() {
        try (Connection first = pool.getConnection()) {
            first.isValid(CONNECTION_WAIT_SECONDS);
        } catch (SQLException e) {
            throw SqlFailures.translate("open", file.toString(), e);
        }
        try {
            var result = Flyway.configure(CallerDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/callerstore")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Caller database {} migrated to schema version {}", file, result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new CallerStoreException("cannot bring the schema of the caller database " + file
                    + " up to date: " + e.getMessage(), e);
        }
    }

    /** The store of client keys; usable until {@link #close()}. */
    public H2ClientStore clientStore() {
        return clientStore;
    }

    /** The usage ledger; usable until {@link #close()}. */
    public H2UsageLedger usageLedger() {
        return usageLedger;
    }

    /** The database file, {@code <dataDirectory>/sheepdog-callers.mv.db}. */
    public Path file() {
        return file;
    }

    /**
     * Writes the usage records still queued, then closes every connection, and with the last one the database;
     * later calls on either store throw. Idempotent.
     */
    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            try {
                usageLedger.close();
            } finally {
                closed.set(true);
                pool.dispose();
            }
        }
    }
}
