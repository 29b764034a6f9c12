package dev.sheepdog.adapter.out.postgres;

import static dev.sheepdog.domain.port.out.ClientStoreContract.CREATED;
import static dev.sheepdog.domain.port.out.ClientStoreContract.fullKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresDatabaseTest {

    private final TestDatabase database;

    PostgresDatabaseTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void aDatabaseThatCannotBeReachedIsReportedWithoutItsPassword() throws IOException {
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = socket.getLocalPort();
        }

        assertThatThrownBy(() -> PostgresDatabase.open("postgresql://sheepdog:" + Databases.PASSWORD
                + "@127.0.0.1:" + nobodyListens + "/fleet", Databases.SHORT_DEADLINES))
                .isInstanceOf(PostgresUnavailable.class)
                .hasMessageContaining("cannot connect to the database postgresql://sheepdog@127.0.0.1:" + nobodyListens
                        + "/fleet")
                .message().doesNotContain(Databases.PASSWORD);
    }

    @Test
    void saysWhereItIsWithoutThePassword() {
        try (PostgresDatabase opened = Databases.open(database)) {
            assertThat(opened).hasToString("postgresql://postgres@127.0.0.1:" + database.port() + "/" + database.name());
        }
    }

    @Test
    void thePoolHoldsAsManyConnectionsAsTheUrlsPoolSizeSays() {
        try (var pool = ConnectionPools.open(DatabaseUrl.parse(database.url(Databases.PASSWORD) + "?pool_size=3"),
                Databases.SHORT_DEADLINES)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
        }
        try (var pool = ConnectionPools.open(DatabaseUrl.parse(database.url(Databases.PASSWORD)),
                Databases.SHORT_DEADLINES)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(DatabaseUrl.DEFAULT_POOL_SIZE);
        }
    }

    @Test
    void aMissingDatabaseIsNamed() {
        assertThatThrownBy(() -> PostgresDatabase.open("postgresql://postgres@127.0.0.1:" + database.port()
                + "/no_such_database", Databases.SHORT_DEADLINES))
                .isInstanceOf(PostgresUnavailable.class)
                .hasMessageContaining("the database does not exist");
    }

    @Test
    void aMalformedUrlIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> PostgresDatabase.open("mysql://sheepdog:" + Databases.PASSWORD + "@db/fleet"))
                .isInstanceOf(PostgresUnavailable.class)
                .message().doesNotContain(Databases.PASSWORD);
    }

    @Test
    void anotherClientKeyWithTheSameSecretIsRefusedWithoutShowingTheHash() {
        try (PostgresDatabase opened = Databases.openEmptied(database)) {
            ClientKey first = fullKey("first", CREATED);
            ClientKey twin = new ClientKey(ClientId.random(), "twin", first.secretHash(), first.hint(), first.plan(),
                    Optional.empty(), true, CREATED, Optional.empty());
            opened.clientStore().save(first);

            assertThatThrownBy(() -> opened.clientStore().save(twin))
                    .isInstanceOf(CallerStoreException.class)
                    .hasMessageContaining("another client key already has the same secret")
                    .message().doesNotContain(first.secretHash());
            assertThat(opened.clientStore().all()).containsExactly(first);
        }
    }
}
