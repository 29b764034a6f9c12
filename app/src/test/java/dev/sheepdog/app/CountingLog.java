package dev.sheepdog.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard error, where the gateway logs, counted line by line instead of kept: a test that sends
 * thousands of requests learns how much the log grew without holding it in memory.
 */
final class CountingLog extends OutputStream implements AutoCloseable {

    private static final int LONGEST_LINE_KEPT = 4096;

    private final PrintStream replaced = System.err;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> watched = new ArrayList<>();
    private long lines;
    private long requestLines;

    private CountingLog() {
    }

    static CountingLog install() {
        CountingLog log = new CountingLog();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        return log;
    }

    @Override
    public synchronized void write(int b) {
        if (b != '\n') {
            if (line.size() < LONGEST_LINE_KEPT) {
                line.write(b);
            }
            return;
        }
        lines++;
        String text = line.toString(StandardCharsets.UTF_8);
        if (!text.contains("POST /v1/chat/completions 200")) {
            watched.add(text); // everything but the request lines, which are one per request
        } else {
            requestLines++;
        }
        line.reset();
    }

    synchronized long lines() {
        return lines;
    }

    /** The access-log lines of completions answered with 200, streams included. */
    synchronized long requestLines() {
        return requestLines;
    }

    synchronized long linesContaining(String text) {
        return watched.stream().filter(kept -> kept.contains(text)).count();
    }

    @Override
    public void close() {
        System.setErr(replaced);
    }
}
