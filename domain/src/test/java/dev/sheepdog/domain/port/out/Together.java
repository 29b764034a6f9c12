package dev.sheepdog.domain.port.out;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** Runs one attempt on each of many virtual threads, all let go at once, and counts those that succeeded. */
public final class Together {

    private Together() {
    }

    public static int successes(int threads, BooleanSupplier attempt) throws Exception {
        return sum(threads, () -> attempt.getAsBoolean() ? 1 : 0);
    }

    /** Runs {@code work} on each of many virtual threads, all let go at once, and adds up what they return. */
    public static int sum(int threads, IntSupplier work) throws Exception {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < threads; i++) {
                outcomes.add(executor.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.getAsInt();
                }));
            }
            ready.await();
            go.countDown();
            int total = 0;
            for (Future<Integer> outcome : outcomes) {
                total += outcome.get();
            }
            return total;
        }
    }
}
