package io.github.payop4j.bench.ipn;

import io.github.payop4j.bench.BenchRun;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The IPN load run of issue 12: payop-ipn-servlet inside a real WildFly, its journal in memory,
 * in WildFly's H2 (ExampleDS, a database in memory: the journal warns that it forgets on restart)
 * and in a real PostgreSQL, against a bare servlet in the same server; on request also in H2 on
 * disk ({@code h2-file}, a DataSource of its own); 32 concurrent clients; the duplicate path (an
 * IPN already applied) and the fresh path (a new transaction each time, confirmed with the
 * loopback stub's {@code GET /v2/transactions/{id}}), and the in-memory journal again past its
 * cap. Each duplicate path is measured in alternating one-second slices with the bare servlet (a
 * paired ratio); each fresh path alone, sustained.
 *
 * <p>Arguments: the unpacked WildFly, the results directory, and seconds of warm-up and of
 * measurement per scenario. System properties: {@code bench.cp.common} (for the stub) and
 * {@code bench.lib} (whose {@code common/} and {@code ipn/} hold the jars the WARs bundle),
 * {@code bench.ipn.journals} (default {@code memory,h2,postgresql}; or any of them and
 * {@code h2-file}). Environment: {@code PAYOP_BENCH_SERVER_OPTS}, more JVM options for WildFly
 * (a JFR recording, say).
 */
public final class IpnLoadRun {

    private static final System.Logger LOG = System.getLogger(IpnLoadRun.class.getName());

    static final int CLIENTS = 32;
    /** Fresh IPNs that warm each WAR's fresh path up. */
    private static final int WARM_UP_FRESH = 5_000;
    /** Fresh IPNs that take the in-memory journal past its cap before it is measured again. */
    private static final int FULL_FILL = 100_000;
    private static final String AFTER_FILL = "100k claims later: ";

    private IpnLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        long warmup = Long.parseLong(args[2]);
        long measure = Long.parseLong(args[3]);
        Path tmp = out.resolve("tmp");
        Files.createDirectories(tmp);
        System.setProperty("http.maxConnections", String.valueOf(CLIENTS * 2)); // keep-alive for every client
        BenchRun.Machine before = BenchRun.Machine.now();

        List<Path> libs = new ArrayList<>();
        Path lib = Path.of(System.getProperty("bench.lib"));
        libs.add(jar(lib.resolve("common"), "payop-core-"));
        Path ipnLibs = lib.resolve("ipn");
        libs.add(jar(ipnLibs, "payop-ipn-servlet-"));
        List<Path> pgLibs = new ArrayList<>(libs);
        pgLibs.add(jar(ipnLibs, "postgresql-"));
        List<Path> h2Libs = new ArrayList<>(libs);
        h2Libs.add(jar(ipnLibs, "h2-"));

        BenchRun.Stub stub = BenchRun.startStub(System.getProperty("bench.cp.common"), tmp);
        List<LoadDriver.Result> results = new ArrayList<>();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200").setOverrideWorkingDirectory(tmp.toFile()).start()) {
            String api = "http://127.0.0.1:" + stub.port();
            String dataSource = """
                      <data-source>
                        <name>java:app/jdbc/ipn</name>
                        <class-name>org.postgresql.ds.PGSimpleDataSource</class-name>
                        <server-name>127.0.0.1</server-name>
                        <port-number>%d</port-number>
                        <database-name>postgres</database-name>
                        <user>postgres</user>
                        <password>unused-trust-auth</password>
                        <transactional>true</transactional>
                        <max-pool-size>64</max-pool-size>
                      </data-source>
                    """.formatted(pg.getPort());
            String h2File = """
                      <data-source>
                        <name>java:app/jdbc/ipn</name>
                        <class-name>org.h2.jdbcx.JdbcDataSource</class-name>
                        <url>jdbc:h2:file:%s</url>
                        <transactional>true</transactional>
                        <max-pool-size>64</max-pool-size>
                      </data-source>
                    """.formatted(tmp.resolve("h2-file").resolve("journal"));
            Path wars = out.resolve("wars");
            Files.createDirectories(wars);
            List<Path> deploy = List.of(Wars.bare(wars),
                    Wars.ipn(wars, "ipn-memory", api, "memory", "", libs),
                    Wars.ipn(wars, "ipn-h2", api, "java:jboss/datasources/ExampleDS", "", libs),
                    Wars.ipn(wars, "ipn-h2-file", api, "java:app/jdbc/ipn", h2File, h2Libs),
                    Wars.ipn(wars, "ipn-postgresql", api, "java:app/jdbc/ipn", dataSource, pgLibs));
            try (WildFly server = WildFly.start(home, out, deploy)) {
                String base = "http://127.0.0.1:" + server.httpPort;
                // The first run warms the freshly booted server up; each journal's scenarios are
                // then judged against a bare-servlet run taken just before them, so that JIT
                // warm-up and the shared machine's changing load fall on both sides of a ratio.
                results.add(LoadDriver.run("bare servlet (server warm-up)", base + "/bare/payop/ipn", CLIENTS,
                        LoadDriver.same("bare"), "ok", warmup, measure));
                // Each WAR has its own copy of payop4j's classes, so each is warmed up on both of
                // its paths before any is measured (not reported).
                List<String> journals = List.of(System.getProperty("bench.ipn.journals", "memory,h2,postgresql")
                        .split(","));
                Map<String, String> applied = new LinkedHashMap<>();
                for (String journal : journals) {
                    String url = base + "/ipn-" + journal + "/payop/ipn";
                    String tx = UUID.randomUUID().toString();
                    if (!LoadDriver.post(url, LoadDriver.checkoutIpn(tx), "ok")) {
                        throw new IllegalStateException("The first IPN to " + url + " was not applied; see wildfly-console.log");
                    }
                    applied.put(journal, tx);
                    LoadDriver.run("warm-up", url, CLIENTS, LoadDriver.same(tx), "duplicate", warmup, 1);
                    // By count, not time: the in-memory journal's fresh run below then starts far
                    // below its cap of 100,000 objects (it is measured again past the cap).
                    LoadDriver.fill(url, CLIENTS, WARM_UP_FRESH);
                }
                // The duplicate path and the bare servlet in alternating slices (a paired ratio); the
                // fresh path alone right after, so its p99 is that of sustained fresh traffic.
                LoadDriver.Target bare = new LoadDriver.Target("bare servlet", base + "/bare/payop/ipn",
                        LoadDriver.same("bare"), "ok");
                for (String journal : journals) {
                    String url = base + "/ipn-" + journal + "/payop/ipn";
                    String tx = applied.get(journal);
                    results.addAll(LoadDriver.alternate(List.of(bare, new LoadDriver.Target("duplicate, " + journal,
                            url, LoadDriver.same(tx), "duplicate")), CLIENTS, warmup, measure));
                    results.add(LoadDriver.run("fresh, " + journal, url, CLIENTS, LoadDriver.fresh(), "ok", warmup, measure));
                    if (journal.equals("memory")) {
                        // Issue 12: the in-memory journal past 100,000 claims (at its cap, evicting)
                        // against itself nearly empty (the two runs above).
                        long failed = LoadDriver.fill(url, CLIENTS, FULL_FILL);
                        if (failed > 0) {
                            throw new IllegalStateException(failed + " IPNs of the fill were not applied;"
                                    + " see wildfly-console.log");
                        }
                        LoadDriver.Target dupAfterFill = new LoadDriver.Target(AFTER_FILL + "duplicate, memory", url,
                                LoadDriver.same(tx), "duplicate");
                        results.addAll(LoadDriver.alternate(List.of(bare, dupAfterFill), CLIENTS, warmup, measure));
                        results.add(LoadDriver.run(AFTER_FILL + "fresh, memory", url, CLIENTS, LoadDriver.fresh(), "ok",
                                warmup, measure));
                    }
                }
            }
        } finally {
            BenchRun.stopStub(stub);
        }
        String report = render(results, before, BenchRun.Machine.now(), warmup, measure);
        // Every fresh IPN pays an order of its own: an anomaly means the run measured the wrong path.
        long anomalies;
        try (var lines = Files.lines(out.resolve("wildfly-console.log"))) {
            anomalies = lines.filter(l -> l.contains("PAYOP-IPN-005")).count();
        }
        report += "\nAnomalies reported by the server during the run (PAYOP-IPN-005): " + anomalies
                + " (expected 0).\n";
        Files.writeString(out.resolve("ipn-report.md"), report);
        LOG.log(System.Logger.Level.INFO, "IPN load run written to " + out.resolve("ipn-report.md") + "\n" + report);
        BenchRun.deleteTree(tmp);
        BenchRun.deleteTree(out.resolve("standalone"));
    }

    private static String render(List<LoadDriver.Result> results, BenchRun.Machine before, BenchRun.Machine after,
            long warmup, long measure) {
        StringBuilder md = new StringBuilder("Machine: ").append(before.cpus()).append(" CPUs (").append(before.cpuModel())
                .append("), ").append(before.jdk()).append("; load average ").append(before.load()).append(" before, ")
                .append(after.load()).append(" after. WildFly 38.0.1.Final, ").append(CLIENTS)
                .append(" clients, ").append(warmup).append(" s warm-up + ").append(measure).append(" s per scenario.\n\n")
                .append("| scenario | requests/s | × the bare servlet above it | p50 ms | p99 ms | errors |\n")
                .append("|---|---|---|---|---|---|\n");
        Map<String, Double> ratio = new LinkedHashMap<>(); // each scenario over the bare servlet above it
        long bare = results.get(0).perSecond();
        for (LoadDriver.Result r : results) {
            if (r.name().startsWith("bare servlet")) {
                bare = r.perSecond();
            }
            ratio.put(r.name(), (double) r.perSecond() / bare);
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.2f× | %s | %s | %d |%n", r.name(), r.perSecond(),
                    ratio.get(r.name()), millis(r.p50Nanos()), millis(r.p99Nanos()), r.errors()));
        }
        fillLine(results, ratio).ifPresent(md::append);
        return md.toString();
    }

    /** The in-memory journal past its cap against itself nearly empty, each over the bare run above it. */
    private static Optional<String> fillLine(List<LoadDriver.Result> results, Map<String, Double> ratio) {
        String fresh = "fresh, memory";
        String dup = "duplicate, memory";
        if (!ratio.containsKey(AFTER_FILL + fresh) || !ratio.containsKey(fresh)) {
            return Optional.empty();
        }
        Map<String, Long> p99 = new LinkedHashMap<>();
        results.forEach(r -> p99.put(r.name(), r.p99Nanos()));
        return Optional.of(String.format(Locale.ROOT, "%nIn-memory journal %,d fresh IPNs later (past its cap"
                + " of 100,000 objects) against itself nearly empty, each over the bare servlet above it: fresh %.2f×"
                + " (p99 %s ms, was %s), duplicate %.2f×.%n", FULL_FILL,
                ratio.get(AFTER_FILL + fresh) / ratio.get(fresh), millis(p99.get(AFTER_FILL + fresh)),
                millis(p99.get(fresh)), ratio.get(AFTER_FILL + dup) / ratio.get(dup)));
    }

    private static String millis(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static Path jar(Path dir, String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IOException("No " + prefix + "*.jar in " + dir));
        }
    }
}
