package dev.sheepdog.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Only a database out of reach opens the breaker: a pool whose connections are all busy does not. */
class OutageBreakerTest {

    private final OutageBreaker breaker = new OutageBreaker();

    @Test
    void callsThatCouldNotConnectOpenItAndTheNextCallFailsWithoutRunning() {
        SQLException refused = new SQLTransientConnectionException("no connection within 5000 ms", "08001",
                new ConnectException("Connection refused"));
        failWith(refused);
        failWith(refused);

        assertThatThrownBy(() -> breaker.call(() -> "ran", () -> new IllegalStateException("away")))
                .isInstanceOf(IllegalStateException.class).hasMessage("away");
    }

    @Test
    void callsThatWaitedForABusyPoolLeaveItClosed() throws SQLException {
        SQLException busy = new SQLTransientConnectionException("no connection within 5000 ms");
        for (int i = 0; i < 5; i++) {
            failWith(busy);
        }

        assertThat(breaker.call(() -> "ran", () -> new IllegalStateException("away"))).isEqualTo("ran");
    }

    private void failWith(SQLException failure) {
        assertThatThrownBy(() -> breaker.call(() -> {
            throw failure;
        }, () -> new IllegalStateException("away"))).isSameAs(failure);
    }
}
