package io.github.payop4j.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        String console;
        synchronized (COPY) {
            console = COPY.toString(StandardCharsets.UTF_8);
        }
        return console + "\n" + wildflyServerLog();
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
