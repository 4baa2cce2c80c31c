package io.github.payop4j.demo.launcher;

import io.github.payop4j.testkit.PayopEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One run of the demo: the Payop emulator, PostgreSQL if asked for, and the shop in an app
 * server, all on 127.0.0.1, everything written below {@code target/demo/run}. {@link #close()}
 * stops all of it; it is safe to call at any point of {@link #start()}, and more than once.
 */
final class Demo implements AutoCloseable {

    private static final Duration SERVER_START = Duration.ofSeconds(240);

    private final DemoOptions options;
    private final PrintStream out;
    private final AppServer server;
    private volatile PayopEmulator payop;
    private volatile Postgres postgres;
    private volatile ServerProcess process;
    private volatile boolean closed;

    Demo(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.server = AppServer.of(options);
    }

    /** Starts everything and returns the shop's URL once the shop answers. */
    URI start() {
        Path run = freshRunDirectory();
        int port = Ports.pick(options.port());
        if (options.port() != 0 && port != options.port()) {
            out.println("Port " + options.port() + " on 127.0.0.1 is taken; the shop uses " + port + ".");
        }
        URI shop = URI.create("http://127.0.0.1:" + port + "/shop/");
        Map<String, String> config = new HashMap<>();
        Map<String, String> environment = new HashMap<>();
        environment.put("TMPDIR", run.resolve("tmp").toString());
        if (options.realPayop()) {
            requireRealPayopSettings();
        } else {
            payop = PayopEmulator.builder()
                    .ipnUrl(shop.resolve("payop/ipn"))
                    .balance("EUR", "250.00")
                    // Refunds and payouts stay "new" for a moment, as Payop's do, before their IPN.
                    .settleDelay(Duration.ofSeconds(2))
                    .ipnRetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30),
                            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30))
                    .start();
            Map<String, String> settings = new HashMap<>(payop.clientProperties());
            // Secrets go into the server's environment, as the README advises; the rest is configuration.
            environment.put("PAYOP_SECRET_KEY", settings.remove("payop.secret-key"));
            environment.put("PAYOP_JWT_TOKEN", settings.remove("payop.jwt-token"));
            config.putAll(settings);
            // The sweep asks about an invoice a minute after it was made (a shop keeps the 15 minutes),
            // so "Reconcile now" on the IPN page has something to check while you try the demo.
            config.put("payop.reconcile.delay", System.getProperty("demo.reconcile.delay", "1m"));
            config.put("payop.reconcile.interval", "1m");
            config.put("shop.footer", "A payop4j demo shop. Payments by the Payop emulator (payop-testkit) on"
                    + " 127.0.0.1: no real money moves.");
        }
        config.put("payop.result-url", shop + "return?invoice={{invoiceId}}");
        config.put("payop.fail-url", shop + "return?invoice={{invoiceId}}&result=failed");
        if (options.postgres()) {
            postgres = Postgres.start(options.dir().resolve("servers"), run);
            config.put("shop.datasource", server.postgresJndiName());
            config.put("payop.ipn.datasource", server.postgresJndiName());
        }
        Path properties = writeProperties(run.resolve("shop.properties"), config);
        process = server.start(options.war(), port, properties, environment, run, Optional.ofNullable(postgres));
        process.awaitReady(shop, SERVER_START, server::deploymentFailure);
        return shop;
    }

    AppServer server() {
        return server;
    }

    Optional<PayopEmulator> payop() {
        return Optional.ofNullable(payop);
    }

    Optional<ServerProcess> process() {
        return Optional.ofNullable(process);
    }

    boolean postgres() {
        return postgres != null;
    }

    boolean closed() {
        return closed;
    }

    /** Stops the server first (it holds the database's connections), then Payop and PostgreSQL. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process != null) {
                process.close();
            }
        } finally {
            try {
                if (payop != null) {
                    payop.close();
                }
            } finally {
                if (postgres != null) {
                    postgres.close();
                }
            }
        }
    }

    private void requireRealPayopSettings() {
        for (String name : new String[] {"PAYOP_PUBLIC_KEY", "PAYOP_SECRET_KEY", "PAYOP_JWT_TOKEN"}) {
            String v = System.getenv(name);
            if (v == null || v.isBlank()) {
                throw new DemoException("-Ddemo.payop=real needs the environment variable " + name
                        + " (see the README: the demo against the real Payop)");
            }
        }
    }

    private Path freshRunDirectory() {
        Path run = options.dir().resolve("run");
        try {
            if (Files.exists(run)) {
                try (Stream<Path> files = Files.walk(run)) {
                    for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(run.resolve("tmp"));
            return run;
        } catch (IOException e) {
            throw new DemoException("Cannot prepare " + run + " (is another demo still running?): " + e.getMessage(),
                    e);
        }
    }

    private static Path writeProperties(Path file, Map<String, String> values) {
        Properties p = new Properties();
        p.putAll(values);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "The shop's MicroProfile Config, as system properties (written by the demo launcher)");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
