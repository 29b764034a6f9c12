package dev.sheepdog.app;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of malformed bodies, odd paths, methods, versions and headers, sent over raw sockets
 * to a whole gateway: every one is answered in time, none with a 5xx or a trace of Sheepdog's
 * insides, and the gateway serves normally afterwards.
 */
@Timeout(180)
class HostileRequestsFuzzTest {

    private static final long SEED = 12;
    private static final int SENDERS = 4;
    private static final int REQUESTS_PER_SENDER = 1_300;
    private static final int DEADLINE_MILLIS = 10_000;
    private static final List<String> INSIDES = List.of("com.", "java.", "org.", "Exception", "at dev.", "\tat ");

    @Test
    void answersEveryHostileRequestInTimeWithoutA5xxOrAStackTraceAndStaysHealthy() throws Exception {
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        int sent;
        try (RunningGateway gateway = RunningGateway.offline(); CountingLog log = CountingLog.install()) {
            int port = gateway.baseUrl().getPort();
            sent = sendAll(port, problems);

            assertThat(log.linesContaining("\tat ")).as("stack trace lines in the log").isZero();
            assertThat(log.linesContaining("ERROR")).as("ERROR lines in the log").isZero();
            assertHealthy(gateway);
        }
        assertThat(sent).isGreaterThanOrEqualTo(5_000);
        assertThat(problems).as("requests answered wrongly, of %d", sent).isEmpty();
    }

    private static int sendAll(int port, ConcurrentLinkedQueue<String> problems) throws Exception {
        try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                HostileRequests requests = new HostileRequests(SEED + i);
                counts.add(senders.submit(() -> {
                    for (int n = 0; n < REQUESTS_PER_SENDER; n++) {
                        byte[] request = requests.next();
                        String problem = check(new String(request, ISO_8859_1), exchange(port, request));
                        if (problem != null && problems.size() < 20) {
                            problems.add(problem);
                        }
                    }
                    return REQUESTS_PER_SENDER;
                }));
            }
            int sent = 0;
            for (Future<Integer> count : counts) {
                sent += count.get();
            }
            return sent;
        }
    }

    /** Sends the request, says it has all been sent, and reads the answer until the gateway closes. */
    private static String exchange(int port, byte[] request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(DEADLINE_MILLIS);
            try {
                socket.getOutputStream().write(request);
                socket.shutdownOutput();
            } catch (IOException refusedEarly) {
                // the gateway may answer and close before reading a body it already knows it refuses
            }
            return new String(socket.getInputStream().readAllBytes(), ISO_8859_1);
        } catch (SocketTimeoutException e) {
            return "HANG";
        } catch (IOException e) {
            return "IO " + e.getMessage();
        }
    }

    /** Null when the answer is right, else what is wrong with it. */
    private static String check(String request, String response) {
        String firstLine = request.lines().findFirst().orElse("");
        if (!response.startsWith("HTTP/1.1 ") || response.length() < 12) {
            return firstLine + " -> no answer: " + abbreviated(response);
        }
        int status = Integer.parseInt(response.substring(9, 12));
        boolean oddVersion = !firstLine.endsWith(" HTTP/1.1") && !firstLine.endsWith(" HTTP/1.0");
        if (status >= 500 && !(status == 505 && oddVersion)) {
            return firstLine + " -> " + abbreviated(response);
        }
        int headEnd = response.indexOf("\r\n\r\n");
        String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
        for (String inside : INSIDES) {
            if (body.contains(inside) && !request.contains(inside)) {
                return firstLine + " -> names '" + inside + "': " + abbreviated(body);
            }
        }
        if (!body.isEmpty() && status >= 400 && !body.startsWith("{\"error\":{")) {
            return firstLine + " -> not an OpenAI error: " + abbreviated(response);
        }
        return null;
    }

    private static void assertHealthy(RunningGateway gateway) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            URI base = gateway.baseUrl();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> completion = client.send(HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(HostileRequests.VALID_BODY.formatted(false))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(completion.statusCode()).isEqualTo(200);
            assertThat(completion.body()).contains("\"finish_reason\"");
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
