package dev.sheepdog.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second host on this machine: a network namespace joined to this one by a veth pair, with
 * link-local addresses of its own. What it sends arrives from an address that is not loopback,
 * which is the only honest way to be a remote caller without leaving the machine. Needs root and
 * iproute2; without them the test is skipped, except under CI, where it fails.
 */
final class NamespacedHost implements AutoCloseable {

    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    private final String namespace;
    private final String hostSide;
    /** The address of this machine as the namespaced host sees it. */
    final String gatewayAddress;
    /** The namespaced host's own address, as the gateway sees it. */
    final String address;

    private NamespacedHost(String suffix, int subnet) {
        this.namespace = "sd-test-" + suffix;
        this.hostSide = "sdh" + suffix;
        this.gatewayAddress = "169.254." + subnet + ".1";
        this.address = "169.254." + subnet + ".2";
    }

    static NamespacedHost create() {
        long pid = ProcessHandle.current().pid();
        NamespacedHost host = new NamespacedHost(Long.toString(pid % 100_000), (int) (pid % 200) + 20);
        try {
            host.run("ip", "netns", "add", host.namespace);
        } catch (IllegalStateException e) {
            if (CI) {
                throw new IllegalStateException("CI needs network namespaces (root and iproute2) for this test", e);
            }
            assumeTrue(false, "no network namespaces here (needs root and iproute2): " + e.getMessage());
        }
        String inside = "sdn" + host.hostSide.substring(3);
        host.run("ip", "link", "add", host.hostSide, "type", "veth", "peer", "name", inside);
        host.run("ip", "link", "set", inside, "netns", host.namespace);
        host.run("ip", "addr", "add", host.gatewayAddress + "/30", "dev", host.hostSide);
        host.run("ip", "link", "set", host.hostSide, "up");
        host.inNamespace("ip", "addr", "add", host.address + "/30", "dev", inside);
        host.inNamespace("ip", "link", "set", inside, "up");
        host.inNamespace("ip", "link", "set", "lo", "up");
        return host;
    }

    /** Runs a command on the namespaced host; its standard output. */
    String inNamespace(String... command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(List.of(command));
        return run(all.toArray(String[]::new));
    }

    private String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            run("ip", "link", "del", hostSide);
        } finally {
            run("ip", "netns", "del", namespace);
        }
    }
}
