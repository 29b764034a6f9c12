package dev.sheepdog.bench;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A one-line progress bar redrawn in place ({@code \r}), meant for a terminal's standard error. */
public final class ProgressBar implements BenchProgress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000; // 10 redraws a second are smooth and cost nothing

    private final PrintWriter out;
    private long lastDrawn = Long.MIN_VALUE;
    private boolean lastWarmup = true;

    public ProgressBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void update(boolean warmup, int done, int total, int failed) {
        long now = System.nanoTime();
        boolean last = done == total;
        if (!last && warmup == lastWarmup && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        lastWarmup = warmup;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        out.print(String.format(Locale.ROOT, "\r%-8s [%s%s] %d/%d  failed %d", warmup ? "warm-up" : "measure",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, failed));
        if (last) {
            out.println();
        }
        out.flush();
    }

    /** Whether standard error is a terminal, where a bar redrawn in place is welcome (in a log file it is noise). */
    public static boolean stderrIsTerminal() {
        try {
            // Linux says exactly where standard error goes.
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            Console console = System.console();
            if (console == null) {
                return false;
            }
            try { // JDK 22+ has a console even when redirected, and says whether it is a terminal
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException absentOnJdk21) {
                return true; // on JDK 21 there is a console only when the session is interactive
            }
        }
    }
}
