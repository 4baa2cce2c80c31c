package io.github.payop4j.reliability.traffic;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Payop's duplicate storm: {@code copies} deliveries of the same IPN body released at the same
 * instant, {@code window} IPNs at a time, every copy from the emulator's source address. Copy
 * {@code i} goes to {@code targets[i % targets.size()]} (two nodes behind a balancer). A copy that
 * is not answered 200 is retried as Payop retries, with a short pause (compressed from minutes),
 * at most {@code maxAttempts} times: the storm is bounded whatever the server does.
 */
public final class Storm {

    /**
     * @param firstAnswers the first answer of every copy
     * @param allAnswers every answer, retries included
     * @param copiesDelivered copies in all ({@code bodies x copies})
     * @param retries attempts after a first answer that was not 200
     * @param unacknowledged copies still without a 200 after their last attempt
     */
    public record Result(Tally firstAnswers, Tally allAnswers, int copiesDelivered, int retries, int unacknowledged,
            Duration took) {

        /** Answers "ok": PROCESSED or ANOMALY, the deliveries that applied something. */
        public long applied() {
            return allAnswers.get("200 ok");
        }
    }

    private final List<URI> targets;
    private final String source;
    private final int copies;
    private final int window;
    private final int maxAttempts;
    private final Duration retryPause;

    public Storm(List<URI> targets, String source, int copies, int window, int maxAttempts, Duration retryPause) {
        this.targets = List.copyOf(targets);
        this.source = source;
        this.copies = copies;
        this.window = window;
        this.maxAttempts = maxAttempts;
        this.retryPause = retryPause;
    }

    public Result run(List<byte[]> bodies) throws InterruptedException {
        Tally first = new Tally();
        Tally all = new Tally();
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger unacknowledged = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(copies * window);
        try {
            for (int from = 0; from < bodies.size(); from += window) {
                List<byte[]> batch = bodies.subList(from, Math.min(bodies.size(), from + window));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> running = new ArrayList<>();
                for (byte[] body : batch) {
                    for (int copy = 0; copy < copies; copy++) {
                        URI target = targets.get(copy % targets.size());
                        running.add(pool.submit(() -> {
                            go.await();
                            deliver(target, body, first, all, retries, unacknowledged);
                            return null;
                        }));
                    }
                }
                go.countDown();
                for (Future<?> f : running) {
                    try {
                        f.get(5, TimeUnit.MINUTES);
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        throw new IllegalStateException("a storm delivery did not finish: " + e, e);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        return new Result(first, all, bodies.size() * copies, retries.get(), unacknowledged.get(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void deliver(URI target, byte[] body, Tally first, Tally all, AtomicInteger retries,
            AtomicInteger unacknowledged) throws InterruptedException {
        long pause = retryPause.toMillis();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            IpnPost.Answer answer = IpnPost.send(target, source, body);
            all.add(answer);
            if (attempt == 1) {
                first.add(answer);
            } else {
                retries.incrementAndGet();
            }
            if (answer.status() == 200) {
                return;
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 2_000);
        }
        unacknowledged.incrementAndGet();
    }
}
