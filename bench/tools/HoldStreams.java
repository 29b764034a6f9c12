import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens streaming chat completions and holds them open without reading an end, to measure what an
 * idle open stream costs the server in front of it (bench/run.sh). The upstream is expected to stall
 * after its first token ({@code --fault stall@1}), so every stream stays open and silent but for
 * heartbeats.
 *
 * <p>Usage: {@code java bench/tools/HoldStreams.java BASE_URL COUNT}. Prints {@code holding N open,
 * F failed, all streaming in T ms} once every stream has its first chunk (or failed), T counted from
 * the first connection attempt, then one line per further COUNT read
 * from standard input ({@code 10000} opens more, up to 10,000 in all); at the end of standard input
 * it closes them all and exits.
 *
 * <p>Plain sockets on virtual threads, so that ten thousand held streams cost this client little.
 */
public final class HoldStreams {

    private static final byte[] FIRST_EVENT = "data: {".getBytes(StandardCharsets.US_ASCII);
    // Connection storms beyond the server's accept backlog only measure SYN retries.
    private static final Semaphore CONNECTING = new Semaphore(128);
    private static final Queue<Socket> OPEN = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger HOLDING = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        byte[] request = request(base);
        openUpTo(Integer.parseInt(args[1]), base, request);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = stdin.readLine(); line != null; line = stdin.readLine()) {
            if (!line.isBlank()) {
                openUpTo(Integer.parseInt(line.strip()), base, request);
            }
        }
        OPEN.forEach(HoldStreams::closeQuietly);
    }

    private static void openUpTo(int total, URI base, byte[] request) throws InterruptedException {
        long started = System.nanoTime();
        for (int i = HOLDING.get() + FAILED.get(); i < total; i++) {
            CONNECTING.acquire();
            Thread.ofVirtual().start(() -> hold(base, request));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (HOLDING.get() + FAILED.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("holding %d open, %d failed, all streaming in %d ms%n", HOLDING.get(), FAILED.get(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        System.out.flush();
    }

    private static void hold(URI base, byte[] request) {
        boolean counted = false;
        try (Socket socket = new Socket()) {
            OPEN.add(socket);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 512);
            awaitFirstEvent(in);
            HOLDING.incrementAndGet();
            counted = true;
            CONNECTING.release();
            // Keep reading (heartbeats) so the server never sees a full window; EOF means the server let go.
            byte[] sink = new byte[512];
            while (in.read(sink) >= 0) {
                // discard
            }
            HOLDING.decrementAndGet();
            FAILED.incrementAndGet();
        } catch (IOException e) {
            if (counted) {
                HOLDING.decrementAndGet();
            }
            FAILED.incrementAndGet();
        } finally {
            if (!counted) {
                CONNECTING.release();
            }
        }
    }

    private static void awaitFirstEvent(InputStream in) throws IOException {
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == FIRST_EVENT[matched] ? matched + 1 : (b == FIRST_EVENT[0] ? 1 : 0);
            if (matched == FIRST_EVENT.length) {
                return;
            }
        }
        throw new IOException("the stream ended before its first chunk");
    }

    private static byte[] request(URI base) {
        String body = "{\"model\":\"deepseek-v3.2\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hold this stream open.\"}]}";
        String path = base.getPath() + "chat/completions";
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Bearer sk-bench\r\nContent-Type: application/json\r\nAccept: text/event-stream"
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
        return (head + body).getBytes(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
