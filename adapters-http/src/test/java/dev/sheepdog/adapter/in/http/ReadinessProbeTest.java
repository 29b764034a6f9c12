package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.Events.chunk;
import static dev.sheepdog.adapter.in.http.Events.end;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /readyz} tells an orchestrator whether to send this instance new traffic: 503 while it
 * starts and while it drains, 200 otherwise, degraded or not; {@code /healthz} answers 200 throughout.
 */
@Timeout(30)
class ReadinessProbeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    // A grace period far longer than any test: a stream ends only when the test ends it.
    @RegisterExtension
    final RunningGateway gateway = new RunningGateway(Duration.ofSeconds(60), Duration.ofSeconds(30));

    @Test
    void answers503StartingWhileTheGatewayListensButHasNotFinishedStarting() throws Exception {
        HttpResponse<String> readyz = gateway.get("/readyz");

        assertThat(readyz.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(readyz.body())).isEqualTo(JSON.readTree("{\"status\":\"starting\"}"));
        assertThat(readyz.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(readyz.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertAlive();
    }

    @Test
    void answers200ReadyOnceStartUpHasCompleted() throws Exception {
        gateway.readiness.ready();

        HttpResponse<String> readyz = gateway.get("/readyz");

        assertThat(readyz.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readyz.body())).isEqualTo(JSON.readTree("{\"status\":\"ready\"}"));
        assertAlive();
    }

    @Test
    void staysReadyWhileDegradedAndSaysWhySoThatAnOutageOfADependencyEmptiesNoLoadBalancer() throws Exception {
        gateway.readiness.ready();
        gateway.readiness.raise("database unreachable");

        HttpResponse<String> degraded = gateway.get("/readyz");
        gateway.readiness.clear("database unreachable");
        HttpResponse<String> recovered = gateway.get("/readyz");

        assertThat(degraded.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(degraded.body()))
                .isEqualTo(JSON.readTree("{\"status\":\"degraded\",\"reasons\":[\"database unreachable\"]}"));
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(recovered.body())).isEqualTo(JSON.readTree("{\"status\":\"ready\"}"));
        assertAlive();
    }

    @Test
    void nothingACallerSendsChangesTheAnswer() throws Exception {
        HttpResponse<String> posted;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            posted = client.send(HttpRequest.newBuilder(gateway.uri("/readyz"))
                    .POST(BodyPublishers.ofString("{\"status\":\"ready\"}")).build(), BodyHandlers.ofString());
        }
        HttpResponse<String> withQuery = gateway.get("/readyz?status=ready", "Authorization", "Bearer anything");
        HttpResponse<String> withSlash = gateway.get("/readyz/");

        assertThat(ErrorReply.of(posted).code()).as("no route takes a POST there").isEqualTo("unknown_route");
        assertThat(withQuery.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(withQuery.body()).get("status").asText()).isEqualTo("starting");
        assertThat(withSlash.statusCode()).isEqualTo(503);
        assertThat(gateway.readiness.report().takesTraffic()).isFalse();
    }

    @Test
    void answers503DrainingAsSoonAsAStopBeginsWhileTheOpenStreamStillFinishes() throws Exception {
        gateway.readiness.ready();
        ScriptedCompletionStream provider = gateway.completions.answerWith(chunk("{\"n\":1}"));

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.nextFrame()).isEqualTo("data: {\"n\":1}\n\n");
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(gateway::stop);

            HttpResponse<String> readyz = awaitReadyzStatus(503);
            assertThat(JSON.readTree(readyz.body())).isEqualTo(JSON.readTree("{\"status\":\"draining\"}"));
            assertThat(gateway.getOnNewConnection("/healthz").statusCode()).as("alive while draining").isEqualTo(200);
            assertThat(stopped).as("the stop waits for the open stream").isNotDone();

            provider.emit(chunk("{\"n\":2}")).emit(end());
            assertThat(frames.nextFrame()).isEqualTo("data: {\"n\":2}\n\n");
            assertThat(frames.nextFrame()).isEqualTo(SseFrames.DONE);
            stopped.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(provider.closedBeforeTerminal()).isFalse();
    }

    @Test
    void aNewRequestDuringTheDrainGets503ServerShuttingDownOnAConnectionThatThenCloses() throws Exception {
        gateway.readiness.ready();
        ScriptedCompletionStream provider = gateway.completions.answerWith(chunk("{\"n\":1}"));

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            frames.nextFrame();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(gateway::stop);
            awaitReadyzStatus(503);

            HttpResponse<String> refused = awaitNewRequestStatus(503);
            assertThat(ErrorReply.of(refused))
                    .isEqualTo(new ErrorReply(503, "service_unavailable", null, "server_shutting_down"));
            assertThat(refused.headers().firstValue("Connection")).hasValue("close");

            provider.emit(end());
            assertThat(frames.nextFrame()).isEqualTo(SseFrames.DONE);
            stopped.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private void assertAlive() throws Exception {
        HttpResponse<String> healthz = gateway.getOnNewConnection("/healthz");
        assertThat(healthz.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(healthz.body())).isEqualTo(JSON.readTree("{\"status\":\"ok\"}"));
    }

    // Each probe on a new connection, as Kubernetes sends them: the port must stay open while draining.
    private HttpResponse<String> awaitReadyzStatus(int status) throws Exception {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> readyz = gateway.getOnNewConnection("/readyz");
        while (readyz.statusCode() != status && System.nanoTime() < giveUp) {
            Thread.sleep(10);
            readyz = gateway.getOnNewConnection("/readyz");
        }
        assertThat(readyz.statusCode()).as("/readyz, which said " + readyz.body()).isEqualTo(status);
        return readyz;
    }

    /*
     * /readyz turns 503 first thing in a stop, a moment before Jetty starts turning requests away: one that
     * arrives in between is still served, as it would have been a moment earlier.
     */
    private HttpResponse<String> awaitNewRequestStatus(int status) throws Exception {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> answer = gateway.postOnNewConnection(Bodies.chat("\"stream\":false"));
        while (answer.statusCode() != status && System.nanoTime() < giveUp) {
            Thread.sleep(10);
            answer = gateway.postOnNewConnection(Bodies.chat("\"stream\":false"));
        }
        assertThat(answer.statusCode()).as("a new request during the drain").isEqualTo(status);
        return answer;
    }
}
