package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.adapter.in.http.CallerAuthentication;
import dev.sheepdog.adapter.in.http.JavalinHttpServer;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.domain.model.health.Readiness;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A started gateway listens before it has finished starting: {@code /readyz} answers 503 until its
 * warm-up has ended, so an orchestrator sends it traffic only once it has nothing left to prepare.
 */
@Timeout(30)
class GatewayReadinessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Readiness readiness = new Readiness();
    private final GatewayConfig config = RunningGateway.config(SimulatorSettings.DEFAULT, List.of(),
            GatewayConfig.HOLYSHEEP_DEFAULT_URL, StreamDeadlines.DEFAULT, Optional.empty());

    @Test
    void answers503StartingWhileTheWarmUpRunsAnd200OnceItHasEnded() throws Exception {
        CountDownLatch warmUpMayEnd = new CountDownLatch(1);
        Gateway gateway = gateway(() -> awaitQuietly(warmUpMayEnd)).start();
        try {
            HttpResponse<String> starting = Probes.get(gateway.port(), "/readyz");
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(starting.body())).isEqualTo(JSON.readTree("{\"status\":\"starting\"}"));
            assertThat(Probes.get(gateway.port(), "/healthz").statusCode()).as("alive while starting").isEqualTo(200);

            warmUpMayEnd.countDown();

            HttpResponse<String> ready = Probes.awaitStatus(gateway.port(), "/readyz", 200);
            assertThat(JSON.readTree(ready.body())).isEqualTo(JSON.readTree("{\"status\":\"ready\"}"));
        } finally {
            warmUpMayEnd.countDown();
            gateway.close();
        }
    }

    @Test
    void aFailedWarmUpStillLetsTheGatewayTakeTraffic() throws Exception {
        Gateway gateway = gateway(() -> {
            throw new IllegalStateException("no connection pool today");
        }).start();
        try {
            Probes.awaitStatus(gateway.port(), "/readyz", 200);
        } finally {
            gateway.close();
        }
    }

    private Gateway gateway(Runnable warmUp) {
        JavalinHttpServer http = new JavalinHttpServer(config.http(), (request, caller, endUser) -> {
            throw new AssertionError("no completion is asked for");
        }, List::of, CallerAuthentication.everyoneLocal(), Optional.empty(), Optional.empty(), readiness);
        return new Gateway(config, new Endpoints(List.of()), http, warmUp, List.of(), List.of(), readiness);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
