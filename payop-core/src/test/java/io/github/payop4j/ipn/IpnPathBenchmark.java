package io.github.payop4j.ipn;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * The IPN path, measured as ratios in one run (issue 12). Not a unit test: run it by hand, see
 * docs/TESTING.md. Everything binds 127.0.0.1 and stops by itself.
 *
 * <ol>
 * <li>Over loopback HTTP, 32 client threads, a JDK HttpServer playing the servlet container:
 * a bare handler (read the body, answer 200) against the IPN handler answering a duplicate
 * (throughput ratio), and fresh IPNs, each confirmed with a loopback Payop API stub
 * (throughput, p50, p99), on the in-memory, H2 and PostgreSQL journals (H2 and PostgreSQL
 * through a small connection pool, as an application server would pool them).
 * <li>In process, the in-memory journal empty and after 100,000 claims: fresh and duplicate
 * deliveries per second, and the heap it holds.
 * <li>Statements per delivery on H2 (a counting DataSource): deterministic, whatever the load.
 * </ol>
 */
public final class IpnPathBenchmark {

    private static final int CLIENTS = 32;

    public static void main(String[] args) throws Exception {
        System.setProperty("http.maxConnections", "64");
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.out.printf("IPN path benchmark: %d cores, %s, %d requests per phase, %d clients%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), requests, CLIENTS);
        try (Stub api = new Stub(); EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("max_connections", "100").start()) {
            PayopClient client = ClientFixture.client(api.url());
            try {
                statementCounts();
                http(client, "memory", IpnJournal.inMemory(), requests);
                http(client, "H2", IpnJournal.jdbc(Pool.of(new UrlDataSource(
                        "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"), 40)), requests);
                http(client, "PostgreSQL", IpnJournal.jdbc(Pool.of(pg.getPostgresDatabase(), 40)), requests);
                inMemoryAfter100kClaims();
            } finally {
                client.close();
            }
        }
    }

    private static void http(PayopClient client, String name, IpnJournal journal, int requests) throws Exception {
        IpnProcessor processor = IpnProcessor.builder(client).journal(journal).handler(e -> { })
                .sources(IpnSourcePolicy.builder().allow(List.of("127.0.0.1")).build()).build();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/bare", x -> answer(x, 200, "ok", x.getRequestBody().readAllBytes()));
        server.createContext("/ipn", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            IpnResult r = processor.process(IpnDelivery.of(body, x.getRemoteAddress().getAddress().getHostAddress()));
            answer(x, r.httpStatus(), r.responseText(), body);
        });
        ExecutorService workers = Executors.newFixedThreadPool(CLIENTS);
        server.setExecutor(workers);
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            byte[] duplicate = ipn(UUID.randomUUID().toString());
            if (post(base + "/ipn", duplicate) != 200) {
                throw new IllegalStateException("the first delivery was not applied");
            }
            load(requests / 4, i -> post(base + "/bare", duplicate)); // warm-up
            load(requests / 4, i -> post(base + "/ipn", duplicate));
            Run bare = load(requests, i -> post(base + "/bare", duplicate));
            Run dup = load(requests, i -> post(base + "/ipn", duplicate));
            int fresh = Math.max(1000, requests / 5);
            List<byte[]> bodies = new ArrayList<>();
            for (int i = 0; i < fresh; i++) {
                bodies.add(ipn(UUID.randomUUID().toString()));
            }
            Run fr = load(fresh, i -> post(base + "/ipn", bodies.get(i)));
            System.out.printf(Locale.ROOT, "%-10s bare %7.0f req/s | duplicate %7.0f req/s = %.2fx bare, p99 %5.1f ms"
                    + " | fresh %6.0f req/s, p50 %5.1f ms, p99 %5.1f ms (%d non-200)%n", name, bare.perSecond(),
                    dup.perSecond(), dup.perSecond() / bare.perSecond(), dup.p99(), fr.perSecond(), fr.p50(), fr.p99(),
                    fr.failures + dup.failures);
        } finally {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    private static void inMemoryAfter100kClaims() {
        IpnJournal journal = IpnJournal.inMemory();
        IpnProcessor p = IpnProcessor.builder().journal(journal).handler(e -> { })
                .sources(IpnSourcePolicy.builder().allow(List.of("127.0.0.1")).build()).build();
        System.gc();
        long heapBefore = usedHeap();
        double freshEmpty = inProcess(p, 20_000, true);
        double dupEmpty = dupInProcess(p, 200_000);
        int filled = 20_000;
        while (filled < 100_000) {
            p.process(IpnDelivery.of(ipn(UUID.randomUUID().toString()), "127.0.0.1"));
            filled++;
        }
        double freshFull = inProcess(p, 20_000, true);
        double dupFull = dupInProcess(p, 200_000);
        System.gc();
        long heapFull = usedHeap();
        for (int i = 0; i < 60_000; i++) { // past the cap of 100,000 objects
            p.process(IpnDelivery.of(ipn(UUID.randomUUID().toString()), "127.0.0.1"));
        }
        System.gc();
        long heapOver = usedHeap();
        System.out.printf(Locale.ROOT, "memory journal in process: fresh %8.0f/s empty, %8.0f/s after 100k claims"
                + " (%.2fx); duplicate %9.0f/s empty, %9.0f/s after 100k (%.2fx); heap +%d MB at 120k claims,"
                + " +%d MB at 180k%n", freshEmpty, freshFull, freshFull / freshEmpty, dupEmpty, dupFull,
                dupFull / dupEmpty, (heapFull - heapBefore) >> 20, (heapOver - heapBefore) >> 20);
    }

    private static double inProcess(IpnProcessor p, int n, boolean fresh) {
        List<byte[]> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bodies.add(ipn(UUID.randomUUID().toString()));
        }
        long t = System.nanoTime();
        for (byte[] b : bodies) {
            p.process(IpnDelivery.of(b, "127.0.0.1"));
        }
        return n / ((System.nanoTime() - t) / 1e9);
    }

    private static double dupInProcess(IpnProcessor p, int n) {
        byte[] body = ipn(UUID.randomUUID().toString());
        p.process(IpnDelivery.of(body, "127.0.0.1"));
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            p.process(IpnDelivery.of(body, "127.0.0.1"));
        }
        return n / ((System.nanoTime() - t) / 1e9);
    }

    /** Statements per delivery on H2, without API confirmation. */
    private static void statementCounts() {
        Counting counting = new Counting(new UrlDataSource("jdbc:h2:mem:count;DB_CLOSE_DELAY=-1"));
        IpnProcessor p = IpnProcessor.builder().journal(IpnJournal.jdbc(counting)).handler(e -> { })
                .sources(IpnSourcePolicy.builder().allow(List.of("127.0.0.1")).build()).build();
        p.process(IpnDelivery.of(ipn(UUID.randomUUID().toString()), "127.0.0.1")); // creates the schema
        byte[] body = ipn(UUID.randomUUID().toString());
        int[] before = counting.snapshot();
        p.process(IpnDelivery.of(body, "127.0.0.1"));
        int[] fresh = counting.since(before);
        before = counting.snapshot();
        p.process(IpnDelivery.of(body, "127.0.0.1"));
        int[] dup = counting.since(before);
        System.out.printf("statements per delivery (H2): fresh %d statements on %d connections; duplicate %d"
                + " statements on %d connections (the processor remembers recent applied keys)%n", fresh[0], fresh[1],
                dup[0], dup[1]);
    }

    static byte[] ipn(String tx) {
        return IpnFixtures.checkoutIpn(tx, 2, "o-" + tx, "").getBytes(StandardCharsets.UTF_8);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void answer(HttpExchange x, int status, String text, byte[] ignored) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, out.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(out);
        }
    }

    private static int post(String url, byte[] body) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream o = c.getOutputStream()) {
                o.write(body);
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } catch (IOException e) {
            return -1;
        }
    }

    record Run(double perSecond, long[] latenciesNanos, int failures) {
        double p50() {
            return latenciesNanos[latenciesNanos.length / 2] / 1e6;
        }

        double p99() {
            return latenciesNanos[(int) (latenciesNanos.length * 0.99)] / 1e6;
        }
    }

    private static Run load(int n, IntFunction<Integer> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long[] latencies = new long[n];
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CLIENTS; t++) {
                done.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        if (request.apply(i) != 200) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        return new Run(n / seconds, latencies, failures.get());
    }

    /** The Payop API's transaction lookup on loopback: every transaction exists, is accepted, 10.00 EUR. */
    static final class Stub implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(8);

        Stub() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.createContext("/v2/transactions/", x -> {
                String id = x.getRequestURI().getPath().substring("/v2/transactions/".length());
                String json = "{\"data\": {\"identifier\": \"" + id + "\", \"amount\": 10.00, \"currency\": \"EUR\","
                        + " \"state\": 2, \"error\": \"\", \"createdAt\": 1567402240, \"orderId\": \"o-" + id + "\"}}";
                x.getResponseHeaders().add("Content-Type", "application/json");
                answer(x, 200, json, null);
            });
            server.setExecutor(threads);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** Counts statements and connections taken (index 0 and 1). */
    static final class Counting extends ConnectionSource {
        private final DataSource target;
        private final AtomicInteger statements = new AtomicInteger();
        private final AtomicInteger connections = new AtomicInteger();

        Counting(DataSource target) {
            this.target = target;
        }

        int[] snapshot() {
            return new int[] {statements.get(), connections.get()};
        }

        int[] since(int[] before) {
            return new int[] {statements.get() - before[0], connections.get() - before[1]};
        }

        @Override
        public java.sql.Connection getConnection() throws java.sql.SQLException {
            connections.incrementAndGet();
            java.sql.Connection c = target.getConnection();
            return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {java.sql.Connection.class}, (proxy, m, a) -> {
                        if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                        }
                        try {
                            return m.invoke(c, a);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
