package dev.sheepdog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorClassificationTest {

    @Test
    void anHttpErrorStatusIsCountedByItsStatus() throws Exception {
        assertThat(errorsOf(exchange -> exchange.status(500, "{\"error\":{\"message\":\"boom\"}}")))
                .containsExactly(Map.entry("http_500", 2L));
    }

    @Test
    void anErrorEventInTheStreamIsAStreamError() throws Exception {
        assertThat(errorsOf(exchange -> {
            exchange.startStream();
            exchange.chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Xin\"}}]}");
            exchange.send("event: error\ndata: {\"error\":{\"code\":\"upstream_unavailable\"}}\n\n");
        })).containsExactly(Map.entry("stream_error", 2L));
    }

    @Test
    void anErrorObjectInsideAChunkIsAStreamErrorToo() throws Exception {
        assertThat(errorsOf(exchange -> {
            exchange.startStream();
            exchange.chunk("{\"error\":{\"message\":\"Token limit reached\",\"code\":400}}");
            exchange.send("data: [DONE]\n\n");
        })).containsExactly(Map.entry("stream_error", 2L));
    }

    @Test
    void aStreamCutBeforeItsFinishIsTruncated() throws Exception {
        assertThat(errorsOf(exchange -> {
            exchange.startStream();
            exchange.chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Xin chào\"}}]}");
        })).containsExactly(Map.entry("truncated", 2L));
    }

    @Test
    void aStreamThatEndsAfterItsFinishReasonWithoutDoneIsComplete() throws Exception {
        assertThat(errorsOf(exchange -> {
            exchange.startStream();
            exchange.chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Xin\"},\"finish_reason\":\"stop\"}]}");
        })).isEmpty();
    }

    @Test
    void aStreamThatStallsPastTheTimeoutIsATimeoutCutAtTheDeadline() throws Exception {
        try (SseServer server = SseServer.start(exchange -> {
            exchange.startStream();
            exchange.chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Xin\"}}]}");
            exchange.stall();
        })) {
            TargetReport target = run(server, Duration.ofMillis(300));

            assertThat(target.errors()).containsExactly(Map.entry("timeout", 2L));
            // Each request was given up at its deadline, not at the end of the minute the server would stall.
            assertThat(target.busySeconds()).isBetween(2 * 0.3, 2 * 5.0);
        }
    }

    @Test
    void aServerThatSendsNoHeadersBeforeTheTimeoutIsATimeout() throws Exception {
        try (SseServer server = SseServer.start(SseServer.Exchange::stall)) {
            assertThat(run(server, Duration.ofMillis(300)).errors()).containsExactly(Map.entry("timeout", 2L));
        }
    }

    @Test
    void aRefusedConnectionIsAConnectionError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BenchPlan plan = BenchPlan.against(BenchTarget.of("http://127.0.0.1:" + closedPort + "/v1", ApiKey.NONE))
                .withLoad(2, 1, 0);

        TargetReport target = Benchmark.run(plan).targets().getFirst();

        assertThat(target.errors()).containsExactly(Map.entry("connection", 2L));
        assertThat(target.ttft().isEmpty()).isTrue();
    }

    private static Map<String, Long> errorsOf(SseServer.Script script) throws Exception {
        try (SseServer server = SseServer.start(script)) {
            return run(server, Duration.ofSeconds(10)).errors();
        }
    }

    private static TargetReport run(SseServer server, Duration timeout) throws InterruptedException {
        return Benchmark.run(BenchmarkTest.plan(server).withLoad(2, 2, 0).withTimeout(timeout)).targets().getFirst();
    }
}
