package dev.sheepdog.adapter.out.postgres;

import static dev.sheepdog.domain.port.out.KeyStoreContract.sampleKeys;
import static dev.sheepdog.domain.port.out.RouteStoreContract.sampleState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyRest;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoreTopic;
import dev.sheepdog.domain.model.health.Readiness;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.PostgresServer;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** What one gateway writes to the shared stores is news to the others within a second. */
@ExtendWith(PostgresExtension.class)
@Timeout(60)
class PostgresStoreChangesTest {

    private static final Duration NEVER = Duration.ofHours(1);

    private static final StoreTopic[] ALL = StoreTopic.values();
    private final TestDatabase database;
    private final BlockingQueue<StoreTopic> heard = new LinkedBlockingQueue<>();
    private final Readiness readiness = new Readiness();
    private PostgresDatabase a;
    private PostgresDatabase b;
    private PostgresStoreChanges news;

    PostgresStoreChangesTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void twoGatewaysOneListening() throws InterruptedException {
        a = Databases.openEmptied(database);
        b = Databases.open(database);
        news = b.storeChanges(NEVER, Duration.ofMillis(200), readiness);
        news.subscribe(heard::add);
        assertThat(next(ALL.length)).as("every topic, on connecting").containsExactlyInAnyOrder(ALL);
    }

    @AfterEach
    void closeThem() {
        news.close();
        a.close();
        b.close();
    }

    @Test
    void keysSavedThroughOneGatewayAreNewsToTheOtherWithinASecond() throws InterruptedException {
        a.keyStore(Optional.empty()).save(sampleKeys());

        assertThat(heard.poll(1, TimeUnit.SECONDS)).isEqualTo(StoreTopic.KEYS);
    }

    @Test
    void aRouteStateSavedThroughOneGatewayIsNewsToTheOtherWithinASecond() throws InterruptedException {
        a.routeStore().save(sampleState());

        assertThat(heard.poll(1, TimeUnit.SECONDS)).isEqualTo(StoreTopic.ROUTES);
    }

    @Test
    void aKeyRestToldThroughOneGatewayIsNewsToTheOtherWithinASecond() throws InterruptedException {
        a.keyRests().tell(new KeyRest(new EndpointId("holysheep"), "fp-1", "m", Duration.ofSeconds(30)));

        assertThat(heard.poll(1, TimeUnit.SECONDS)).isEqualTo(StoreTopic.KEY_RESTS);
    }

    @Test
    void writesToOtherStoresAreNoNews() throws InterruptedException {
        a.usageLedger().record(dev.sheepdog.domain.port.out.UsageLedgerContract.usage(
                dev.sheepdog.domain.port.out.UsageLedgerContract.T0, "client:cl_00000000a11c", "m", "0.25"));

        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void everyResyncTellsEveryTopicEvenWithoutChanges() throws InterruptedException {
        try (PostgresStoreChanges resyncing = b.storeChanges(Duration.ofMillis(300), Duration.ofMillis(200), new Readiness())) {
            BlockingQueue<StoreTopic> told = new LinkedBlockingQueue<>();
            resyncing.subscribe(told::add);

            List<StoreTopic> topics = new ArrayList<>();
            for (int i = 0; i < 2 * ALL.length; i++) {
                topics.add(told.poll(2, TimeUnit.SECONDS));
            }

            assertThat(topics).containsOnly(ALL).hasSize(2 * ALL.length);
        }
    }

    @Test
    void afterTheDatabaseWasAwayTheListenerReconnectsAndTellsEveryTopicForWhatItMissed(PostgresServer server)
            throws InterruptedException {
        readiness.ready();
        server.stop();
        awaitDegraded(true);
        assertThat(readiness.report().degradations()).containsExactly("database unreachable");
        server.startAgain();

        assertThat(next(ALL.length)).containsExactlyInAnyOrder(ALL);
        saveOnceThePoolIsBack();
        assertThat(heard.poll(1, TimeUnit.SECONDS)).isEqualTo(StoreTopic.KEYS);
        assertThat(readiness.report().degraded()).isFalse();
    }

    /** The pool may still hold a connection the restart cut (57P01): the first save after may fail on it. */
    private void saveOnceThePoolIsBack() throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                a.keyStore(Optional.empty()).save(sampleKeys());
                return;
            } catch (KeyStoreException cutByTheRestart) {
                if (System.nanoTime() > giveUp) {
                    throw cutByTheRestart;
                }
                Thread.sleep(100);
            }
        }
    }

    private void awaitDegraded(boolean degraded) throws InterruptedException {
        for (int i = 0; i < 150 && readiness.report().degraded() != degraded; i++) {
            Thread.sleep(100);
        }
        assertThat(readiness.report().degraded()).isEqualTo(degraded);
    }

    @Test
    void theFleetIsCountedByItsListeningConnections() throws InterruptedException {
        try (PostgresStoreChanges second = a.storeChanges(Duration.ofMillis(200), Duration.ofMillis(200),
                new Readiness())) {
            second.subscribe(topic -> { });
            long giveUp = System.nanoTime() + 5_000_000_000L;
            while (second.fleetSize() != 2 && System.nanoTime() < giveUp) {
                Thread.sleep(50);
            }

            assertThat(second.fleetSize()).as("this gateway's listener and the other's").isEqualTo(2);
        }
    }

    private List<StoreTopic> next(int count) throws InterruptedException {
        List<StoreTopic> topics = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StoreTopic topic = heard.poll(15, TimeUnit.SECONDS);
            if (topic == null) {
                break;
            }
            topics.add(topic);
        }
        return topics;
    }
}
