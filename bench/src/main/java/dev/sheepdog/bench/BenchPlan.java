package dev.sheepdog.bench;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * What to run: the targets (one, or two compared with interleaved requests), the request and the load.
 *
 * @param targets     one target, or two: the baseline A and the candidate B
 * @param requests    measured requests per target
 * @param concurrency requests in flight at once, shared by all targets
 * @param warmup      requests per target sent first and not measured (connections, JIT, caches)
 * @param timeout     the most one request may take, headers to the end of the stream
 */
public record BenchPlan(List<BenchTarget> targets, String model, OptionalInt maxTokens, List<String> prompts,
                        int requests, int concurrency, int warmup, Duration timeout) {

    public static final String DEFAULT_MODEL = "deepseek-v3.2";
    public static final int DEFAULT_REQUESTS = 100;
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int DEFAULT_WARMUP = 10;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    public BenchPlan {
        targets = List.copyOf(targets);
        requireNonNull(model, "model");
        requireNonNull(maxTokens, "maxTokens");
        prompts = List.copyOf(prompts);
        requireNonNull(timeout, "timeout");
        if (targets.isEmpty() || targets.size() > 2) {
            throw new IllegalArgumentException("a benchmark has one target, or two to compare");
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("the model must not be blank");
        }
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("at least one prompt is needed");
        }
        if (requests < 1 || concurrency < 1 || warmup < 0) {
            throw new IllegalArgumentException("requests and concurrency must be at least 1, warm-up at least 0");
        }
        if (maxTokens.isPresent() && maxTokens.getAsInt() < 1) {
            throw new IllegalArgumentException("max tokens must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }

    /** The defaults against one target: 100 requests at concurrency 8 after 10 warm-up, the Vietnamese prompts. */
    public static BenchPlan against(BenchTarget target) {
        return new BenchPlan(List.of(target), DEFAULT_MODEL, OptionalInt.empty(), Prompts.defaults(),
                DEFAULT_REQUESTS, DEFAULT_CONCURRENCY, DEFAULT_WARMUP, DEFAULT_TIMEOUT);
    }

    /** The same plan, its requests alternated between the current target (A) and {@code candidate} (B). */
    public BenchPlan comparedWith(BenchTarget candidate) {
        return new BenchPlan(List.of(targets.get(0), candidate), model, maxTokens, prompts, requests, concurrency,
                warmup, timeout);
    }

    public BenchPlan withModel(String newModel) {
        return new BenchPlan(targets, newModel, maxTokens, prompts, requests, concurrency, warmup, timeout);
    }

    public BenchPlan withMaxTokens(OptionalInt newMaxTokens) {
        return new BenchPlan(targets, model, newMaxTokens, prompts, requests, concurrency, warmup, timeout);
    }

    public BenchPlan withPrompts(List<String> newPrompts) {
        return new BenchPlan(targets, model, maxTokens, newPrompts, requests, concurrency, warmup, timeout);
    }

    public BenchPlan withLoad(int newRequests, int newConcurrency, int newWarmup) {
        return new BenchPlan(targets, model, maxTokens, prompts, newRequests, newConcurrency, newWarmup, timeout);
    }

    public BenchPlan withTimeout(Duration newTimeout) {
        return new BenchPlan(targets, model, maxTokens, prompts, requests, concurrency, warmup, newTimeout);
    }

    public boolean compares() {
        return targets.size() == 2;
    }
}
