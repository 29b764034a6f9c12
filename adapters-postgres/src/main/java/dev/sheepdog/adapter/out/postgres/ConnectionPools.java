package dev.sheepdog.adapter.out.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A small HikariCP pool on the fleet's database, every wait in it bounded by the {@link Deadlines}. */
final class ConnectionPools {

    private ConnectionPools() {
    }

    /**
     * Opens the pool of the URL's size and its first connection; throws (HikariCP's PoolInitializationException)
     * when it cannot.
     */
    static HikariDataSource open(DatabaseUrl url, Deadlines deadlines) {
        return open("sheepdog-postgres", url, deadlines, url.poolSize());
    }

    /** A pool for Flyway (which may hold two connections), with the migration deadlines; closed once migrated. */
    static HikariDataSource openForMigrations(DatabaseUrl url, Deadlines deadlines) {
        return open("sheepdog-postgres-migrations", url, deadlines.forMigrations(), 2);
    }

    private static HikariDataSource open(String name, DatabaseUrl url, Deadlines deadlines, int connections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(Math.min(2, connections));
        config.setConnectionTimeout(deadlines.connect().toMillis());
        config.setValidationTimeout(Math.min(deadlines.connect().toMillis(), 2_000));
        config.setInitializationFailTimeout(deadlines.connect().toMillis());
        // The driver's own deadlines: on a server that is gone or silent a call fails rather than waits. As
        // strings: HikariCP hands these over in a Properties, whose getProperty ignores any other type.
        config.addDataSourceProperty("connectTimeout", String.valueOf(Deadlines.seconds(deadlines.connect())));
        config.addDataSourceProperty("loginTimeout", String.valueOf(Deadlines.seconds(deadlines.connect())));
        config.addDataSourceProperty("socketTimeout", String.valueOf(Deadlines.seconds(deadlines.socket())));
        // A query past its deadline is cancelled over a new connection, and the caller waits for that cancel.
        config.addDataSourceProperty("cancelSignalTimeout", String.valueOf(Deadlines.seconds(deadlines.connect())));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "sheepdog");
        // The server's: no statement, lock wait or forgotten transaction outlives the statement deadline.
        long statementMillis = deadlines.statement().toMillis();
        config.addDataSourceProperty("options", "-c statement_timeout=" + statementMillis
                + " -c lock_timeout=" + statementMillis
                + " -c idle_in_transaction_session_timeout=" + deadlines.socket().toMillis());
        return new HikariDataSource(config);
    }
}
