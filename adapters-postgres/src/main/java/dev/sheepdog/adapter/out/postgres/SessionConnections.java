package dev.sheepdog.adapter.out.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A connection of its own, outside the pool, for what lives as long as a database session: a
 * {@code LISTEN}, an advisory lock. It has the pool's deadlines and a name by which the server lists it.
 */
final class SessionConnections {

    private SessionConnections() {
    }

    static Connection open(DatabaseUrl url, Deadlines deadlines, String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        properties.setProperty("connectTimeout", String.valueOf(Deadlines.seconds(deadlines.connect())));
        properties.setProperty("loginTimeout", String.valueOf(Deadlines.seconds(deadlines.connect())));
        properties.setProperty("socketTimeout", String.valueOf(Deadlines.seconds(deadlines.socket())));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }
}
