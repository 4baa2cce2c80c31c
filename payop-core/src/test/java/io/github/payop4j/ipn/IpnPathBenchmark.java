package io.github.payop4j.ipn;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
    /** Long enough that a young-generation pause (50-100 ms here) is a few per cent of a round, not half of it. */
    private static final int FRESH_PER_ROUND = 50_000;

    public static void main(String[] args) throws Exception {
        // Without these, TCP's delayed acknowledgements (40 ms) dominate every loopback request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("http.maxConnections", "64");
        if (args.length > 0 && args[0].equals("memory")) {
            inMemoryAfter100kClaims(); // the in-process phase alone
            return;
        }
        if (args.length > 0 && args[0].equals("purge")) {
            inMemoryPurge(); // the hourly purge of the in-memory journal: time per object, 10k vs 100k
            return;
        }
        if (args.length > 0 && args[0].equals("statements")) {
            statementCounts(); // also runs against older builds of payop-core, for a before/after
            return;
        }
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
            load(requests / 2, i -> post(base + "/bare", duplicate)); // warm-up
            load(requests / 2, i -> post(base + "/ipn", duplicate));
            // Alternating rounds: the machine's load drifts, a ratio within one round is fair.
            double[] ratios = new double[3];
            Run bare = null;
            Run dup = null;
            for (int round = 0; round < ratios.length; round++) {
                bare = load(requests, i -> post(base + "/bare", duplicate));
                dup = load(requests, i -> post(base + "/ipn", duplicate));
                ratios[round] = dup.perSecond() / bare.perSecond();
            }
            Arrays.sort(ratios);
            Run fr = null;
            for (int round = 0; round < 2; round++) { // the first round warms the fresh path up
                int fresh = Math.max(1000, requests / 5);
                List<byte[]> bodies = new ArrayList<>();
                for (int i = 0; i < fresh; i++) {
                    bodies.add(ipn(UUID.randomUUID().toString()));
                }
                fr = load(fresh, i -> post(base + "/ipn", bodies.get(i)));
            }
            System.out.printf(Locale.ROOT, "%-10s bare %6.0f req/s | duplicate %6.0f req/s, p99 %5.1f ms; duplicate/bare"
                    + " median %.2fx (rounds %.2f..%.2f) | fresh %5.0f req/s, p50 %5.1f ms, p99 %5.1f ms (%d non-200)%n",
                    name, bare.perSecond(), dup.perSecond(), dup.p99(), ratios[1], ratios[0], ratios[2],
                    fr.perSecond(), fr.p50(), fr.p99(), fr.failures + dup.failures);
        } finally {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    /**
     * The in-memory journal empty against the same journal holding 100,000 claims, in
     * alternating rounds (the machine's load drifts; a ratio within one round is fair), the two
     * sides taking turns to go first (whoever goes second pays for the first one's garbage).
     * PAYOP-IPN-001 (one INFO line per applied IPN) is off: writing it costs more than the
     * journal, so with it on a slower journal would hide behind the console.
     */
    private static void inMemoryAfter100kClaims() {
        java.util.logging.Logger.getLogger("io.github.payop4j.ipn").setLevel(java.util.logging.Level.WARNING);
        IpnProcessor full = inMemoryProcessor();
        inProcess(full, 100_000); // fills it, and warms the path up
        dupInProcess(full, 200_000);
        System.gc();
        long heapFull = usedHeap();
        double[] fresh = new double[9];
        double[] dup = new double[9];
        double sumFull = 0; // seconds spent on fresh IPNs, over all rounds
        double sumEmpty = 0;
        for (int round = 0; round < fresh.length; round++) {
            IpnProcessor empty = inMemoryProcessor();
            boolean fullFirst = round % 2 == 1;
            double freshFull = fullFirst ? inProcess(full, FRESH_PER_ROUND) : 0;
            double freshEmpty = inProcess(empty, FRESH_PER_ROUND);
            freshFull = fullFirst ? freshFull : inProcess(full, FRESH_PER_ROUND);
            double dupFull = fullFirst ? dupInProcess(full, 100_000) : 0;
            double dupEmpty = dupInProcess(empty, 100_000);
            dupFull = fullFirst ? dupFull : dupInProcess(full, 100_000);
            fresh[round] = freshFull / freshEmpty;
            sumFull += FRESH_PER_ROUND / freshFull;
            sumEmpty += FRESH_PER_ROUND / freshEmpty;
            dup[round] = dupFull / dupEmpty;
        }
        inProcess(full, 80_000); // past the cap of 100,000 objects
        System.gc();
        long heapOver = usedHeap();
        Arrays.sort(fresh);
        Arrays.sort(dup);
        System.out.printf(Locale.ROOT, "memory journal in process, after 100k claims vs empty (%d rounds of %d):"
                + " fresh %.2fx over all rounds (median round %.2fx, %.2f..%.2f), duplicate %.2fx (%.2f..%.2f);"
                + " heap in use %d MB with 100k+ claimed objects, %d MB after 80k more (capped at 100k objects)%n",
                fresh.length, FRESH_PER_ROUND, sumEmpty / sumFull, fresh[fresh.length / 2], fresh[0],
                fresh[fresh.length - 1], dup[dup.length / 2], dup[0], dup[dup.length - 1], heapFull >> 20,
                heapOver >> 20);
    }

    /**
     * The in-memory journal's purge: microseconds per purged object with 10,000 and with 100,000
     * objects past retention (median of 3). A purge that is linear in the objects keeps the ratio
     * near 1; one that is quadratic makes it about 10.
     */
    private static void inMemoryPurge() {
        double[] small = new double[3];
        double[] large = new double[3];
        for (int round = 0; round < 3; round++) {
            small[round] = purgeMicrosPerObject(10_000);
            large[round] = purgeMicrosPerObject(100_000);
        }
        Arrays.sort(small);
        Arrays.sort(large);
        System.out.printf(Locale.ROOT, "memory journal purge: %.2f us per object with 10k objects, %.2f us with 100k:"
                + " %.2fx per object%n", small[1], large[1], large[1] / small[1]);
    }

    private static double purgeMicrosPerObject(int objects) {
        IpnJournal journal = IpnJournal.inMemory();
        Instant old = Instant.now().minus(Duration.ofDays(40));
        for (int i = 0; i < objects; i++) {
            journal.claim(new IpnJournal.Key(IpnKind.CHECKOUT, "tx-" + i, "ACCEPTED"), i + 1, old, Duration.ofMinutes(2));
        }
        long t = System.nanoTime();
        IpnJournal.Purged purged = journal.purge(Instant.now().minus(Duration.ofDays(30)),
                Instant.now().minus(Duration.ofDays(30)));
        double micros = (System.nanoTime() - t) / 1e3 / objects;
        if (purged.claims() != objects) {
            throw new IllegalStateException("purged " + purged + " of " + objects);
        }
        return micros;
    }

    private static IpnProcessor inMemoryProcessor() {
        return IpnProcessor.builder().journal(IpnJournal.inMemory()).handler(e -> { })
                .sources(IpnSourcePolicy.builder().allow(List.of("127.0.0.1")).build()).build();
    }

    private static double inProcess(IpnProcessor p, int n) {
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
    static void statementCounts() {
        Counting counting = new Counting(new UrlDataSource("jdbc:h2:mem:count;DB_CLOSE_DELAY=-1"));
        IpnJournal journal = IpnJournal.jdbc(counting);
        IpnProcessor p = IpnProcessor.builder().journal(journal).handler(e -> { })
                .sources(IpnSourcePolicy.builder().allow(List.of("127.0.0.1")).build()).build();
        p.process(IpnDelivery.of(ipn(UUID.randomUUID().toString()), "127.0.0.1")); // creates the schema
        byte[] body = ipn(UUID.randomUUID().toString());
        int[] before = counting.snapshot();
        p.process(IpnDelivery.of(body, "127.0.0.1"));
        int[] fresh = counting.since(before);
        before = counting.snapshot();
        p.process(IpnDelivery.of(body, "127.0.0.1"));
        int[] dup = counting.since(before);
        IpnProcessor otherNode = IpnProcessor.builder().journal(journal).handler(e -> { })
                .sources(IpnSourcePolicy.builder().allow(List.of("127.0.0.1")).build()).build();
        before = counting.snapshot();
        otherNode.process(IpnDelivery.of(body, "127.0.0.1"));
        int[] cold = counting.since(before);
        System.out.printf("statements per delivery (H2): fresh %d statements on %d connections; duplicate %d on %d"
                + " (remembered applied key), %d on %d (a node that did not see it applied)%n", fresh[0], fresh[1],
                dup[0], dup[1], cold[0], cold[1]);
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

    /** One keep-alive connection per client thread, TCP_NODELAY, the request written in one piece. */
    private static final ThreadLocal<Conn> CONNECTION = new ThreadLocal<>();

    private record Conn(java.net.Socket socket, InputStream in, int port) {
    }

    private static int post(String url, byte[] body) {
        URI uri = URI.create(url);
        byte[] head = ("POST " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Conn c = CONNECTION.get();
                if (c == null || c.socket().isClosed() || c.port() != uri.getPort()) {
                    if (c != null) {
                        close(c.socket());
                    }
                    java.net.Socket socket = new java.net.Socket("127.0.0.1", uri.getPort());
                    socket.setTcpNoDelay(true);
                    c = new Conn(socket, new java.io.BufferedInputStream(socket.getInputStream()), uri.getPort());
                    CONNECTION.set(c);
                }
                c.socket().getOutputStream().write(request);
                return readResponse(c.in());
            } catch (IOException e) {
                Conn c = CONNECTION.get();
                close(c == null ? null : c.socket());
                CONNECTION.remove();
            }
        }
        return -1;
    }

    private static int readResponse(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int status = -1;
        int length = 0;
        boolean first = true;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b == '\n') {
                String l = line.toString().trim();
                line.setLength(0);
                if (first) {
                    status = Integer.parseInt(l.split(" ")[1]);
                    first = false;
                } else if (l.isEmpty()) {
                    break;
                } else if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(l.substring(15).trim());
                }
            } else {
                line.append((char) b);
            }
        }
        in.readNBytes(length);
        return status;
    }

    private static void close(java.net.Socket s) {
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing anyway
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
