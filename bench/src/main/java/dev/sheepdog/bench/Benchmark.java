package dev.sheepdog.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a {@link BenchPlan}: warm-up, then the measured requests, on virtual-thread workers that take numbered
 * requests from one counter. With two targets request {@code i} goes to target {@code i % 2}: the same workers
 * start A, B, A, B… in turn, so both see the same network, load and moment, and each pair the same prompt.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchPlan plan;
    private final BenchProgress progress;

    private Benchmark(BenchPlan plan, BenchProgress progress) {
        this.plan = plan;
        this.progress = progress;
    }

    public static BenchReport run(BenchPlan plan) throws InterruptedException {
        return run(plan, BenchProgress.NONE);
    }

    public static BenchReport run(BenchPlan plan, BenchProgress progress) throws InterruptedException {
        return new Benchmark(plan, progress).run();
    }

    private BenchReport run() throws InterruptedException {
        int targets = plan.targets().size();
        List<TargetStats> stats = new ArrayList<>();
        plan.targets().forEach(target -> stats.add(new TargetStats()));
        int measured = plan.requests() * targets;
        int concurrency = Math.min(plan.concurrency(), measured);
        // HTTP/1.1, as the OpenAI SDKs speak it: one connection per stream in flight, pooled between requests.
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(plan.timeout()).build();
             ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
                 Thread thread = new Thread(runnable, "sheepdog-bench-deadlines");
                 thread.setDaemon(true);
                 return thread;
             })) {
            StreamProbe probe = new StreamProbe(client, deadlines, plan.timeout());
            phase(probe, true, plan.warmup() * targets, concurrency, result -> { });
            long start = System.nanoTime();
            phase(probe, false, measured, concurrency, result -> stats.get(result.target()).record(result));
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            return report(stats, concurrency, wallSeconds);
        }
    }

    private void phase(StreamProbe probe, boolean warmup, int total, int concurrency, Consumer<RequestResult> sink)
            throws InterruptedException {
        if (total == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<RuntimeException> crash = new AtomicReference<>();
        List<byte[]> bodies = plan.prompts().stream().map(this::body).toList();
        Runnable worker = () -> {
            int ticket;
            try {
                while ((ticket = next.getAndIncrement()) < total) {
                    int target = ticket % plan.targets().size();
                    byte[] body = bodies.get((ticket / plan.targets().size()) % bodies.size());
                    RequestResult result = probe.send(target, plan.targets().get(target), body);
                    sink.accept(result);
                    int failures = result.succeeded() ? failed.get() : failed.incrementAndGet();
                    progress.update(warmup, done.incrementAndGet(), total, failures);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                crash.compareAndSet(null, e);
                next.set(total); // a bug in the benchmark stops it rather than skewing its numbers
            }
        };
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                workers.submit(worker);
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("the benchmark was stopped");
        }
        if (crash.get() != null) {
            throw crash.get();
        }
    }

    private byte[] body(String prompt) {
        ObjectNode body = JSON.createObjectNode().put("model", plan.model()).put("stream", true);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        body.putObject("stream_options").put("include_usage", true);
        plan.maxTokens().ifPresent(maxTokens -> body.put("max_tokens", maxTokens));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private BenchReport report(List<TargetStats> stats, int concurrency, double wallSeconds) {
        List<TargetReport> reports = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            BenchTarget target = plan.targets().get(i);
            reports.add(stats.get(i).report(String.valueOf((char) ('A' + i)), target.displayUrl(), concurrency));
        }
        Optional<Comparison> comparison = reports.size() == 2
                ? Optional.of(Comparison.of(reports.get(0), reports.get(1))) : Optional.empty();
        return new BenchReport(plan.model(), plan.maxTokens(), plan.requests(), concurrency, plan.warmup(),
                plan.timeout(), wallSeconds, reports, comparison);
    }
}
