package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A burst of new streams (a page's users coming back at once) waits in the kernel's listen queue
 * until Jetty accepts it. Java's default queue of 50 overflows, and each connection the kernel then
 * drops waits a second or more before its SYN is sent again; the gateway asks for 1,024.
 */
class ListenQueueTest {

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @Test
    void theListeningSocketQueuesAThousandConnections() throws Exception {
        // ss shows a listening socket's queue limit as its Send-Q.
        List<String> listening = ss("-ltnH", "sport = :" + gateway.port());

        assertThat(listening).singleElement().satisfies(line ->
                assertThat(Integer.parseInt(line.trim().split("\\s+")[2])).isEqualTo(JavalinHttpServer.ACCEPT_QUEUE));
    }

    private static List<String> ss(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ss"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noSs) {
            // CI installs iproute2 (.ci/run): there a missing ss fails the test instead of skipping it.
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("ss (iproute2) is missing", noSs);
            }
            assumeThat(false).as("ss (iproute2) is not installed").isTrue();
            throw noSs;
        }
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).toList();
    }
}
