package io.github.payop4j.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs calls on as many threads, released together: the races the journal and the ledger must win. */
public final class AtOnce {

    /** One of the racing calls; {@code index} is 0..n-1. */
    @FunctionalInterface
    public interface Call<T> {
        T call(int index) throws Exception;
    }

    private AtOnce() {
    }

    /** Runs {@code call(0..n-1)} on {@code n} threads released together; their results in order. */
    public static <T> List<T> run(int n, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
