package dev.sheepdog.testing.postgres;

import dev.sheepdog.testing.parts.TemporaryDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: initialized in a fresh temporary directory, listening on a free loopback
 * port with its socket inside that directory, run as an unprivileged user when the tests run as root.
 * It can be stopped and started again on the same port and data, as a database outage is. Closing it
 * kills it and deletes the directory.
 */
public final class PostgresServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final String SUPERUSER = "postgres";
    private static final Duration START_WAIT = Duration.ofSeconds(90);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final PostgresInstallation installation;
    private final Path directory;
    private final int port;
    private final Thread killOnExit;
    private PostgresProcess process;

    private PostgresServer(PostgresInstallation installation, Path directory, int port) {
        this.installation = installation;
        this.directory = directory;
        this.port = port;
        this.killOnExit = new Thread(this::close, "postgres-test-server-killer");
    }

    /** Initializes a new cluster and starts it; the caller closes it. */
    public static PostgresServer start() {
        PostgresInstallation installation = PostgresInstallation.find()
                .orElseThrow(() -> new IllegalStateException(PostgresInstallation.missing()));
        try {
            Path directory = Files.createTempDirectory("sheepdog-pg-");
            UnprivilegedUser.handOver(directory);
            PostgresServer server = new PostgresServer(installation, directory, freePort());
            Runtime.getRuntime().addShutdownHook(server.killOnExit);
            try {
                PostgresProcess.run(UnprivilegedUser.command(List.of(installation.initdb().toString(),
                        "-D", server.data().toString(), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                        "--locale=C", "--no-sync")), server.log(), START_WAIT);
                server.startAgain();
                return server;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a directory for PostgreSQL", e);
        }
    }

    /** Starts the stopped server again, on the same port and data directory, and waits until it takes logins. */
    public synchronized void startAgain() {
        if (process != null && process.alive()) {
            throw new IllegalStateException("the PostgreSQL test server is already running");
        }
        process = PostgresProcess.start(UnprivilegedUser.command(List.of(installation.postgres().toString(),
                "-D", data().toString(), "-p", Integer.toString(port), "-h", HOST, "-k", directory.toString(),
                // Test data need not survive a machine crash, and 2-core CI machines are slow enough. A commit still
                // reaches the kernel before it returns, so killing PostgreSQL itself loses none.
                "-c", "fsync=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300", "-c", "shared_buffers=32MB")), log());
        process.awaitLogins(() -> login("postgres").close(), START_WAIT);
    }

    /** A fast shutdown (open sessions are cut, as when a database goes away), waited for. */
    public synchronized void stop() {
        if (process != null) {
            process.stopFast(PostgresProcess.STOP_WAIT);
        }
    }

    /** Suspends every PostgreSQL process: connections stay open but nothing answers, as on a dead network. */
    public synchronized void freeze() {
        process.signalAll("STOP");
    }

    /** Lets a frozen server go on; nothing when it is not running. */
    public synchronized void thaw() {
        if (running()) {
            process.signalAll("CONT");
        }
    }

    public synchronized boolean running() {
        return process != null && process.alive();
    }

    public int port() {
        return port;
    }

    /** A new, empty database whose name begins with {@code hint}, owned by the superuser. */
    public TestDatabase createDatabase(String hint) {
        String name = (hint.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet());
        name = name.length() > 60 ? name.substring(name.length() - 60) : name;
        name = Character.isLetter(name.charAt(0)) ? name : "d" + name;
        try (Connection connection = login("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name, HOST, port, SUPERUSER);
    }

    /** A session of the superuser on {@code database}; the caller closes it. */
    public Connection login(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "60");
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + port + "/" + database, properties);
    }

    /**
     * Stops the server, whatever state it is in, and deletes its directory. Idempotent. A fast shutdown first,
     * so that PostgreSQL removes its shared memory and socket; killed when that takes more than a few seconds.
     */
    @Override
    public synchronized void close() {
        try {
            if (process != null && process.alive()) {
                process.signalAll("CONT");
                process.stopFast(Duration.ofSeconds(10));
            }
        } finally {
            TemporaryDirectory.delete(directory, "PostgreSQL test directory");
            if (Thread.currentThread() != killOnExit) {
                try {
                    Runtime.getRuntime().removeShutdownHook(killOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway, and finds nothing left to do
                }
            }
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    private Path log() {
        return directory.resolve("postgres.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
