package io.github.payop4j.bench.ipn;

import io.github.payop4j.bench.StubServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends IPNs from a fixed pool of clients for a fixed time and reports throughput and latency
 * percentiles (from all latencies, sorted). Runs in the load-run JVM, so the JDK's keep-alive
 * pool is sized for the clients ({@code http.maxConnections}).
 */
final class LoadDriver {

    /** What one scenario measured: requests in {@code seconds} of measurement, latencies in nanoseconds (-1: none). */
    record Result(String name, long requests, long errors, long seconds, long p50Nanos, long p99Nanos) {

        long perSecond() {
            return requests / seconds;
        }
    }

    private LoadDriver() {
    }

    /** Payop's checkout IPN (docs: 5.IPN) for a transaction of its own order, accepted. */
    static byte[] checkoutIpn(String txId) {
        return ("{\"invoice\":{\"id\":\"ec2aa893-e7f5-4a0d-98c4-ef1a424eaf5d\",\"status\":1,\"txid\":\"" + txId
                + "\"},\"transaction\":{\"id\":\"" + txId + "\",\"state\":2,\"order\":{\"id\":\""
                + StubServer.orderOf(txId) + "\"},"
                + "\"error\":{\"message\":\"\",\"code\":\"\"}}}").getBytes(StandardCharsets.UTF_8);
    }

    static Supplier<byte[]> fresh() {
        return () -> checkoutIpn(UUID.randomUUID().toString());
    }

    static Supplier<byte[]> same(String txId) {
        byte[] body = checkoutIpn(txId);
        return () -> body;
    }

    /** Where one scenario sends its IPNs, and the answer that counts as a success. */
    record Target(String name, String url, Supplier<byte[]> bodies, String expected) {
    }

    static Result run(String name, String url, int clients, Supplier<byte[]> bodies, String expected,
            long warmupSeconds, long measureSeconds) throws InterruptedException {
        return alternate(List.of(new Target(name, url, bodies, expected)), clients, warmupSeconds, measureSeconds)
                .get(0);
    }

    /**
     * Several scenarios measured in alternating one-second slices, every client switching at the
     * same moment, so that each gets {@code measureSeconds} in total under the same drifting load
     * (the bare servlet's own rate moved between 18,000 and 28,000 requests/s from one 15 s run to
     * the next on this machine, which made a ratio of two runs in a row swing by ±15 %). A request
     * counts for the scenario of the slice it was sent in.
     */
    static List<Result> alternate(List<Target> targets, int clients, long warmupSeconds, long measureSeconds)
            throws InterruptedException {
        int n = targets.size();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong[] errors = new AtomicLong[n];
        long[][][] latencies = new long[n][clients][];
        int[][] counts = new int[n][clients];
        for (int t = 0; t < n; t++) {
            errors[t] = new AtomicLong();
            for (int c = 0; c < clients; c++) {
                latencies[t][c] = new long[1 << 14];
            }
        }
        long slice = TimeUnit.SECONDS.toNanos(1);
        long start = System.nanoTime();
        long warmupEnd = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(measureSeconds) * n;
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.execute(() -> {
                try {
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        int t = n == 1 ? 0 : (int) (((now - start) / slice) % n);
                        Target target = targets.get(t);
                        boolean ok = post(target.url(), target.bodies().get(), target.expected());
                        long after = System.nanoTime();
                        if (now >= warmupEnd) {
                            if (!ok) {
                                errors[t].incrementAndGet();
                            }
                            if (counts[t][client] == latencies[t][client].length) {
                                latencies[t][client] = Arrays.copyOf(latencies[t][client], counts[t][client] * 2);
                            }
                            latencies[t][client][counts[t][client]++] = after - now;
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        List<Result> results = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            long requests = Arrays.stream(counts[t]).asLongStream().sum();
            long[] all = new long[(int) requests];
            int at = 0;
            for (int c = 0; c < clients; c++) {
                System.arraycopy(latencies[t][c], 0, all, at, counts[t][c]);
                at += counts[t][c];
            }
            Arrays.sort(all);
            results.add(new Result(targets.get(t).name(), requests, errors[t].get(), measureSeconds,
                    percentile(all, 50), percentile(all, 99)));
        }
        return results;
    }

    /**
     * Sends {@code count} fresh IPNs from {@code clients} threads, unmeasured: warms a path up, or
     * fills a journal, by a known number of claims. Returns how many were not answered "ok".
     */
    static long fill(String url, int clients, int count) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong left = new AtomicLong(count);
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        Supplier<byte[]> bodies = fresh();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        if (!post(url, bodies.get(), "ok")) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        return errors.get();
    }

    /** The nearest-rank percentile of sorted latencies, or -1 when there are none. */
    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) ((sorted.length * (long) percent + 99) / 100); // ceil(percent% of n), 1-based
        return sorted[Math.max(0, rank - 1)];
    }

    /** One IPN; true when the answer is 200 with the expected body ("ok", "duplicate"). */
    static boolean post(String url, byte[] body, String expected) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(URI.create(url).toString()).openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true); // buffered: a streamed POST would pay the JDK's 1 ms probe per request
            c.setRequestProperty("Content-Type", "application/json");
            c.setConnectTimeout(10_000);
            c.setReadTimeout(30_000);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
            String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (in != null) {
                in.close();
            }
            return status == 200 && (expected == null || answer.trim().equals(expected));
        } catch (IOException e) {
            return false;
        }
    }
}
