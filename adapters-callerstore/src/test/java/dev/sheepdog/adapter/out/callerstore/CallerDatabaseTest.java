package dev.sheepdog.adapter.out.callerstore;

import static dev.sheepdog.domain.port.out.ClientStoreContract.CREATED;
import static dev.sheepdog.domain.port.out.ClientStoreContract.fullKey;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.ClientSecret;
import dev.sheepdog.domain.model.caller.Plan;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageQuery.GroupBy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallerDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void keepsTheSecretsHashButNeverTheSecretInAnyFileOfTheDataDirectory() throws IOException {
        ClientSecret secret = ClientSecret.random();
        ClientKey key = new ClientKey(ClientId.random(), "billing", secret.hash(), secret.hint(), Plan.UNLIMITED,
                Optional.empty(), true, CREATED, Optional.empty());
        try (CallerDatabase database = CallerDatabase.open(directory)) {
            database.clientStore().save(key);
        }

        String everyByte = allBytes(directory);

        assertThat(everyByte).doesNotContain(secret.reveal()).contains(secret.hash());
        try (CallerDatabase reopened = CallerDatabase.open(directory)) {
            assertThat(reopened.clientStore().findBySecretHash(ClientSecret.of(secret.reveal()).hash())).contains(key);
        }
    }

    @Test
    void createsTheDatabaseFileInTheDataDirectoryCreatingTheDirectoryToo() {
        Path nested = directory.resolve("not/yet");

        try (CallerDatabase database = CallerDatabase.open(nested)) {
            assertThat(database.file()).isEqualTo(nested.toAbsolutePath().resolve("sheepdog-callers.mv.db"));
            assertThat(database.file()).exists();
        }
    }

    @Test
    void aClosedDatabaseSaysSoRatherThanHang() {
        CallerDatabase database = CallerDatabase.open(directory);
        database.close();
        database.close();

        assertThatThrownBy(() -> database.usageLedger().record(usage(T0, "user:a", "m", "1")))
                .isInstanceOf(CallerStoreException.class)
                .hasMessageContaining("cannot record usage of user:a")
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> database.clientStore().all()).isInstanceOf(CallerStoreException.class);
    }

    @Test
    void anotherKeyWithTheSameSecretIsRefusedWithoutShowingTheHash() {
        ClientKey first = fullKey("first", CREATED);
        ClientKey twin = new ClientKey(ClientId.random(), "twin", first.secretHash(), first.hint(), first.plan(),
                Optional.empty(), true, CREATED, Optional.empty());
        try (CallerDatabase database = CallerDatabase.open(directory)) {
            database.clientStore().save(first);

            assertThatThrownBy(() -> database.clientStore().save(twin))
                    .isInstanceOf(CallerStoreException.class)
                    .hasMessageContaining("another client key already has the same secret")
                    .message().doesNotContain(first.secretHash());
            assertThat(database.clientStore().all()).containsExactly(first);
        }
    }

    @Test
    void writesAndReadsFromManyVirtualThreadsAtOnceAddUpExactly() throws Exception {
        int threads = 32;
        int each = 10;
        try (CallerDatabase database = CallerDatabase.open(directory);
             ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String account = "client:cl_00000000000" + (t % 4);
                done.add(executor.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        database.usageLedger().record(usage(T0.plusMillis(i), account, "m" + (i % 3), "0.0000001"));
                        database.usageLedger().spentSince(account, T0);
                    }
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }

            var lines = database.usageLedger().summarize(
                    new UsageQuery(Instant.EPOCH, Instant.MAX, Optional.empty(), Optional.empty(), GroupBy.ACCOUNT));
            assertThat(lines).hasSize(4).allSatisfy(line -> {
                assertThat(line.requests()).isEqualTo(threads / 4 * each);
                assertThat(line.costUsd()).isEqualByComparingTo("0.000008");
            });
        }
    }

    private static String allBytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            StringBuilder all = new StringBuilder();
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return all.toString();
        }
    }
}
