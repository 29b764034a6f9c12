package dev.sheepdog.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two gateways compete for the canary judge's lock: one leads, and the other takes over within an interval of its death. */
@ExtendWith(PostgresExtension.class)
class PostgresJudgeElectionTest {

    /** The canary interval these tests pretend to: the other gateway asks once per interval. */
    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private final TestDatabase database;
    private PostgresDatabase a;
    private PostgresDatabase b;
    private PostgresJudgeElection electionA;
    private PostgresJudgeElection electionB;

    PostgresJudgeElectionTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void openTwoInstances() {
        a = Databases.open(database);
        b = Databases.open(database);
        electionA = a.judgeElection();
        electionB = b.judgeElection();
    }

    @AfterEach
    void closeThem() {
        electionA.close();
        electionB.close();
        a.close();
        b.close();
    }

    @Test
    void ofTwoGatewaysOnlyTheFirstToAskLeadsAndKeepsLeading() {
        assertThat(electionA.lead()).isTrue();
        assertThat(electionB.lead()).isFalse();

        assertThat(electionA.lead()).as("the next interval").isTrue();
        assertThat(electionB.lead()).isFalse();
    }

    @Test
    void whenTheJudgeStepsDownTheOtherLeadsAtItsNextAsking() {
        assertThat(electionA.lead()).isTrue();
        assertThat(electionB.lead()).isFalse();

        electionA.close();

        assertThat(leadsWithinOneInterval(electionB)).isTrue();
        assertThat(electionA.lead()).as("closed").isFalse();
    }

    @Test
    void whenTheJudgesSessionDiesItStopsLeadingAndTheOtherTakesOverWithinOneInterval() {
        assertThat(electionA.lead()).isTrue();
        assertThat(electionB.lead()).isFalse();

        // The judge's process is killed: the server ends its session, as it does for a connection that died.
        Databases.execute(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'sheepdog-canary-judge' AND pid IN"
                + " (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)");

        assertThat(leadsWithinOneInterval(electionB)).isTrue();
        assertThat(electionA.lead()).as("its session is gone, and the lock is B's").isFalse();
    }

    // The server frees a lock once the backend of the ended session has exited, a moment after the
    // client let go: the other gateway's next asking, one interval later, finds it free.
    private static boolean leadsWithinOneInterval(PostgresJudgeElection election) {
        long deadline = System.nanoTime() + INTERVAL.toNanos();
        while (System.nanoTime() < deadline) {
            if (election.lead()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
