package io.github.payop4j.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the servers wrote where a test can read it: the test JVM's {@code System.out} from
 * {@link #start()} on (the Payara Micro adapter copies the server console there) and WildFly's
 * {@code server.log}. Used to prove that no secret reaches a log.
 */
public final class ConsoleCapture {

    private static final ByteArrayOutputStream COPY = new ByteArrayOutputStream();
    private static volatile boolean started;

    private ConsoleCapture() {
    }

    /** Tees {@code System.out} into a buffer for the rest of this JVM's life (idempotent). */
    public static synchronized void start() {
        if (started) {
            return;
        }
        PrintStream original = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (COPY) {
                    COPY.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (COPY) {
                    COPY.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8));
        started = true;
    }

    /** The captured console, plus WildFly's server.log when running on WildFly. */
    public static String everything() {
        return console() + "\n" + wildflyServerLog();
    }

    /**
     * The console of this JVM's servers since {@link #start()}: unlike WildFly's server.log, which
     * keeps earlier runs until {@code mvn clean}, it holds this run only, so lines can be counted.
     */
    public static String console() {
        synchronized (COPY) {
            return COPY.toString(StandardCharsets.UTF_8);
        }
    }

    /** How many console lines contain {@code text}, waiting up to 10 s for {@code expected} (lines arrive late). */
    public static long countLines(String text, long expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long count;
        while ((count = console().lines().filter(l -> l.contains(text)).count()) < expected
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return count;
    }

    /**
     * Fails if any log holds one of these secrets (naming only its first characters); first checks
     * that the servers' lines were captured at all (the adapter's start-up line PAYOP4J-3002).
     */
    public static void assertNoneLogged(List<String> secrets) {
        String logs = everything();
        if (!logs.contains("PAYOP4J-3002")) {
            throw new AssertionError("the server's log lines should have been captured");
        }
        for (String secret : secrets) {
            if (logs.contains(secret)) {
                throw new AssertionError("a secret reached a log: " + secret.substring(0, 4) + "...");
            }
        }
    }

    public static String wildflyServerLog() {
        String home = System.getProperty("it.wildfly.home");
        if (home == null) {
            return "";
        }
        Path log = Path.of(home, "standalone", "log", "server.log");
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
