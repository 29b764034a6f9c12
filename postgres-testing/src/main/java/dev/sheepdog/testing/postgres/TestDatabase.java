package dev.sheepdog.testing.postgres;

/**
 * One empty database on the test server, for one test class: where to connect and as whom. The server
 * trusts every local login, so there is no password; any one given is accepted.
 */
public record TestDatabase(String name, String host, int port, String user) {

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<name>}, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** {@code postgresql://<user>:<password>@127.0.0.1:<port>/<name>}, the form an operator passes to Sheepdog. */
    public String url(String password) {
        return "postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + name;
    }
}
