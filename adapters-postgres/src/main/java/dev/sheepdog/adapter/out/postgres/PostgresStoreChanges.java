package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.StoreTopic;
import dev.sheepdog.domain.model.health.Readiness;
import dev.sheepdog.domain.port.out.StoreChanges;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's news of store changes, over PostgreSQL's {@code LISTEN/NOTIFY}: the triggers of
 * migration V3 notify {@value #CHANNEL} on every write to the provider keys and the route state,
 * and a connection of this gateway's own listens. Notifications sent while that connection was down
 * are lost, so on every (re)connect, and every {@code resync} besides, each topic is told anyway:
 * a reload that finds nothing new changes nothing. When the database goes away the listener tries
 * again every {@code retry}, says so once per outage, and marks the gateway degraded (readiness
 * stays 200: the gateway goes on with the keys and routes it knows) until it is back.
 */
public final class PostgresStoreChanges implements StoreChanges, AutoCloseable {

    static final String CHANNEL = "sheepdog_store_changes";
    /** The name of each gateway's listening connection, by which the fleet is counted. */
    private static final String LISTENER = "sheepdog-listener";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStoreChanges.class);
    /** How long one wait for notifications lasts: also how soon a close is noticed. */
    private static final int WAIT_MILLIS = 250;

    /** What {@code /readyz} says while the database cannot be reached: still 200, "degraded". */
    static final String UNREACHABLE = "database unreachable";

    private final DatabaseUrl url;
    private final Deadlines deadlines;
    private final Duration resync;
    private final Duration retry;
    private final Readiness readiness;
    private final List<Consumer<StoreTopic>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;
    private volatile int fleetSize = 1;

    PostgresStoreChanges(DatabaseUrl url, Deadlines deadlines, Duration resync, Duration retry, Readiness readiness) {
        this.url = requireNonNull(url, "url");
        this.deadlines = requireNonNull(deadlines, "deadlines");
        this.resync = requireNonNull(resync, "resync");
        this.retry = requireNonNull(retry, "retry");
        this.readiness = requireNonNull(readiness, "readiness");
        this.thread = Thread.ofPlatform().name("sheepdog-store-changes").daemon().unstarted(this::listenUntilClosed);
    }

    /** Listening starts with the first subscriber, so that it hears the news told on connecting. */
    @Override
    public synchronized void subscribe(Consumer<StoreTopic> listener) {
        listeners.add(requireNonNull(listener, "listener"));
        if (thread.getState() == Thread.State.NEW && !closed) {
            thread.start();
        }
    }

    private void listenUntilClosed() {
        boolean reported = false;
        while (!closed) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement listen = listening.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                if (reported) {
                    LOG.info("listening to the database's news of store changes again");
                    readiness.clear(UNREACHABLE);
                    reported = false;
                }
                countFleet(listening);
                tell(EnumSet.allOf(StoreTopic.class)); // what changed while nobody listened
                listen(listening.unwrap(PGConnection.class), listening);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!reported) {
                    LOG.warn("cannot listen to the database's news of store changes ({}); this gateway goes on with "
                            + "the keys and routes it knows and tries again every {} s", PostgresUnavailable.reason(e, deadlines),
                            retry.toSeconds());
                    readiness.raise(UNREACHABLE);
                    reported = true;
                }
                pause();
            } finally {
                connection = null;
            }
        }
    }

    private void listen(PGConnection notifications, Connection listening) throws SQLException {
        long nextResync = System.nanoTime() + resync.toNanos();
        while (!closed) {
            PGNotification[] heard = notifications.getNotifications(WAIT_MILLIS);
            Set<StoreTopic> topics = EnumSet.noneOf(StoreTopic.class);
            if (heard != null) {
                for (PGNotification notification : heard) {
                    topic(notification.getParameter()).ifPresent(topics::add);
                }
            }
            if (System.nanoTime() - nextResync >= 0) {
                // Also proves the connection alive: a server gone silent fails this within the socket deadline.
                countFleet(listening);
                topics.addAll(EnumSet.allOf(StoreTopic.class));
                nextResync = System.nanoTime() + resync.toNanos();
            }
            tell(topics);
        }
    }

    /**
     * How many gateways share the database, as last seen: each listens on one connection of its own, named
     * {@code sheepdog-listener}. What a gateway divides its limits by while the database is away.
     */
    public int fleetSize() {
        return fleetSize;
    }

    private void countFleet(Connection listening) throws SQLException {
        try (Statement count = listening.createStatement();
             ResultSet listeners = count.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE application_name = '" + LISTENER + "' AND datname = current_database()")) {
            listeners.next();
            fleetSize = Math.max(1, listeners.getInt(1));
        }
    }

    private void tell(Set<StoreTopic> topics) {
        for (StoreTopic topic : topics) {
            for (Consumer<StoreTopic> listener : listeners) {
                try {
                    listener.accept(topic);
                } catch (RuntimeException e) {
                    LOG.warn("a listener failed on news of {}: {}", topic, e.toString());
                }
            }
        }
    }

    private static Optional<StoreTopic> topic(String payload) {
        try {
            return Optional.of(StoreTopic.valueOf(payload.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return Optional.empty(); // news from a newer Sheepdog: its own topic, not ours
        }
    }

    private Connection connect() throws SQLException {
        return SessionConnections.open(url, deadlines, LISTENER);
    }

    private void pause() {
        try {
            Thread.sleep(retry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops listening and closes the connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Connection listening = connection;
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            if (thread.getState() != Thread.State.NEW) {
                thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
