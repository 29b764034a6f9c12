package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.out.holysheep.fixtures.StreamReconstruction;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.testing.nginx.Nginx;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A provider key rotated through gateway A while a hundred slow streams run through nginx over A and B:
 * no stream is cut, and B sends the new key upstream within a second.
 */
@Timeout(120)
class FleetKeyRotationBehindNginxTest extends OnAFleetBehindNginx {

    private static final int STREAMS = 100;
    private static final ApiKey NEXT = ApiKey.of("sk-good-second");
    private static final EndpointId HOLYSHEEP = new EndpointId("holysheep");
    private static final String SLOW = "{\"model\":\"gpt-4.1\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"slow\"}]}";

    FleetKeyRotationBehindNginxTest(TestDatabase database, Nginx nginx) {
        super(database, nginx, AccessConfig.DEFAULT);
    }

    @Test
    void aHundredStreamsOpenDuringARotationThroughAAllEndWithDoneAndBSendsTheNewKeyWithinASecond() throws Exception {
        List<Future<StreamReconstruction>> streams = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < STREAMS; i++) {
                streams.add(clients.submit(() -> SseClient.stream(fleet.api(), SLOW)));
            }
            provider.awaitSlowStreamsOpen(STREAMS);

            fleet.a.keys().rotateKey(HOLYSHEEP, NginxFleet.PROVIDER_KEY.fingerprint(), NEXT, "test");
            long rotated = System.nanoTime();
            assertThat(provider.slowStreamsOpen()).as("every stream still open when the rotation is stored")
                    .isEqualTo(STREAMS);
            Duration untilBSendsIt = untilBSends(NEXT, rotated);

            assertThat(untilBSendsIt).isLessThan(Duration.ofSeconds(1));
            for (Future<StreamReconstruction> stream : streams) {
                StreamReconstruction received = stream.get();
                assertThat(received.errors()).isEmpty();
                assertThat(received.doneDispatched()).isTrue();
                assertThat(received.content()).isEqualTo(PacedUpstream.SLOW_CONTENT);
            }
        }
        assertThat(provider.asked().stream().filter(asked -> asked.message().equals("slow")))
                .as("each stream on the key it started with").hasSize(STREAMS)
                .allMatch(asked -> asked.authorization().equals("Bearer " + NginxFleet.PROVIDER_KEY.reveal()));
        assertThat(fleet.completionsAnsweredBy(fleet.nginx.requests(STREAMS))).as("nginx took turns over A and B")
                .isEqualTo(Map.of("A", 50L, "B", 50L));
        for (String next : List.of("next on one", "next on the other")) {
            assertThat(NginxFleet.complete(fleet.nginx.url(), "gpt-4.1", next, Optional.empty()).statusCode())
                    .isEqualTo(200);
            assertThat(provider.keyOf(next)).as("what the fleet sends now").isEqualTo("Bearer " + NEXT.reveal());
        }
        assertThat(fleet.completionsAnsweredBy(fleet.nginx.requests(STREAMS + 2).subList(STREAMS, STREAMS + 2)))
                .isEqualTo(Map.of("A", 1L, "B", 1L));
    }

    /** Sends B short completions of its own until the provider sees one with {@code key}; how long that took. */
    private Duration untilBSends(ApiKey key, long since) throws InterruptedException {
        for (int probe = 0; ; probe++) {
            String message = "probe " + probe;
            assertThat(NginxFleet.complete(NginxFleet.root(fleet.b), "gpt-4.1", message, Optional.empty())
                    .statusCode()).isEqualTo(200);
            Duration taken = Duration.ofNanos(System.nanoTime() - since);
            if (("Bearer " + key.reveal()).equals(provider.keyOf(message)) || taken.toSeconds() >= 5) {
                return taken;
            }
            Thread.sleep(10);
        }
    }
}
