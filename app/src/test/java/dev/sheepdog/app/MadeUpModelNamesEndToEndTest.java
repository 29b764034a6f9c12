package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Callers may name any model when an endpoint passes every model on: ten thousand made-up names grow
 * neither /metrics, nor the spend report, nor the heap, nor the log beyond a line per request.
 */
class MadeUpModelNamesEndToEndTest {

    private static final String TOKEN = "labels-admin-token";
    private static final int WARM_UP = 1_000;
    private static final int REQUESTS = 10_000;
    private static final int CONCURRENT = 8;
    private static final long HEAP_GROWTH_LIMIT = 20L << 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void tenThousandMadeUpModelNamesShareTheLabelOther() throws Exception {
        try (CountingLog log = CountingLog.install(); AnyModelUpstream upstream = new AnyModelUpstream();
             RunningGateway gateway = RunningGateway.with(config(upstream))) {
            send(gateway, 0, WARM_UP);
            long heapAfterWarmUp = liveHeap();
            send(gateway, WARM_UP, REQUESTS);
            long heapGrowth = liveHeap() - heapAfterWarmUp;

            String metrics = awaitMetricsWith(gateway, "model=\"other\",outcome=\"completed\",traffic=\"live\"} "
                    + REQUESTS + ".0");
            long series = metrics.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).count();
            assertThat(series).as("series on /metrics").isLessThan(300);
            assertThat(metrics).doesNotContain("made-up-");
            JsonNode spend = new ObjectMapper().readTree(get(gateway, "/admin/spend")).path("models");
            assertThat(spend).hasSize(1);
            assertThat(spend.get(0).path("model").asText()).isEqualTo("other");
            assertThat(spend.get(0).path("unpriced_requests").asLong()).isEqualTo(REQUESTS);
            assertThat(log.linesContaining("no price")).as("warnings about unpriced models").isEqualTo(1);
            assertThat(log.lines()).as("log lines: one per request").isLessThan(REQUESTS + 100);
            assertThat(heapGrowth).as("live heap growth over %d more requests, in bytes", REQUESTS - WARM_UP)
                    .isLessThan(HEAP_GROWTH_LIMIT);
        }
    }

    @Test
    void aModelTheProviderListsKeepsALabelOfItsOwn() throws Exception {
        try (AnyModelUpstream upstream = new AnyModelUpstream(); RunningGateway gateway = RunningGateway.with(config(upstream))) {
            assertThat(http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/models")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains(AnyModelUpstream.LISTED_MODEL);
            post(gateway, AnyModelUpstream.LISTED_MODEL);
            post(gateway, "made-up");

            String metrics = awaitMetricsWith(gateway, "model=\"other\"");
            assertThat(metrics).contains("sheepdog_requests_total{endpoint=\"holysheep\",error=\"none\",model=\""
                    + AnyModelUpstream.LISTED_MODEL + "\",outcome=\"completed\",traffic=\"live\"} 1.0");
        }
    }

    private static GatewayConfig config(AnyModelUpstream upstream) {
        return RunningGateway.config(SimulatorSettings.DEFAULT, List.of("sk-any-model"), upstream.baseUrl(),
                StreamDeadlines.DEFAULT, Optional.of(TOKEN));
    }

    /** Requests {@code from} up to {@code to}, each for a model of its own, a few at a time. */
    private void send(RunningGateway gateway, int from, int to) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<? extends Future<?>> running = IntStream.range(0, CONCURRENT)
                    .mapToObj(caller -> callers.submit(() -> {
                        for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                            post(gateway, "made-up-" + i);
                        }
                        return null;
                    })).toList();
            for (Future<?> caller : running) {
                caller.get();
            }
        }
    }

    private void post(RunningGateway gateway, String model) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Xin chào\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("[DONE]");
    }

    /** The heap in use after full collections; the least of a few readings, so a stray allocation cannot count. */
    private static long liveHeap() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int reading = 0; reading < 4; reading++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** Completions are counted just after their last byte went out: wait until the last one is. */
    private String awaitMetricsWith(RunningGateway gateway, String expected) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String metrics = get(gateway, "/metrics");
        while (!metrics.contains(expected) && System.nanoTime() < giveUp) {
            Thread.sleep(50);
            metrics = get(gateway, "/metrics");
        }
        return metrics;
    }

    private String get(RunningGateway gateway, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + gateway.baseUrl().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
