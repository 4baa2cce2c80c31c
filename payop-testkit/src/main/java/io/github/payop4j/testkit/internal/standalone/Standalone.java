package io.github.payop4j.testkit.internal.standalone;

import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.testkit.TestCards;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar payop-testkit-VERSION-standalone.jar --port 8089 --ipn-url http://127.0.0.1:8080/payop/ipn}:
 * a Payop to try a shop against by hand. Reports where it listens through {@link System.Logger},
 * writes the {@code payop.*} properties a shop needs to a file ({@code --config}, by default
 * {@code payop-emulator.properties} in the working directory: they hold the emulator's secret key
 * and JWT, which are never logged), and runs until Ctrl-C.
 */
public final class Standalone {

    private static final System.Logger LOG = System.getLogger(Standalone.class.getName());
    static final String USAGE = "usage: java -jar payop-testkit-<version>-standalone.jar [--port P] [--ipn-url URL]"
            + " [--ipn-source 127.0.0.x] [--ipn-repeats N] [--ipn-delay-ms MS] [--balance EUR=1000.00]"
            + " [--config FILE (default payop-emulator.properties)]";

    private Standalone() {
    }

    public static void main(String[] args) throws InterruptedException {
        PayopEmulator.Builder builder = PayopEmulator.builder();
        Path config;
        try {
            config = parse(args, builder);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "payop-testkit: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (config == null) { // --help
            LOG.log(System.Logger.Level.INFO, USAGE);
            return;
        }
        PayopEmulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "payop-emulator-shutdown"));
        writeConfig(emulator, config);
        LOG.log(System.Logger.Level.INFO, "\n" + summary(emulator, config));
        stopped.await();
    }

    /** Applies the options to {@code b}; returns the file for the shop's properties, or {@code null} for --help. */
    static Path parse(String[] args, PayopEmulator.Builder b) {
        Path config = Path.of("payop-emulator.properties");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> b.port(Integer.parseInt(value));
                case "--ipn-url" -> b.ipnUrl(value);
                case "--ipn-source" -> b.ipnSourceAddress(value);
                case "--ipn-repeats" -> b.ipnRepeats(Integer.parseInt(value));
                case "--ipn-delay-ms" -> b.ipnDelay(Duration.ofMillis(Long.parseLong(value)));
                case "--config" -> config = Path.of(value);
                case "--balance" -> {
                    String[] parts = value.split("=", 2);
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("--balance takes CURRENCY=AMOUNT, e.g. EUR=1000.00");
                    }
                    b.balance(parts[0], parts[1]);
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return config;
    }

    /** Every property a shop needs: MicroProfile Config for payop-jaxrs-adapter, or the servlet's parameters. */
    static void writeConfig(PayopEmulator e, Path file) {
        StringBuilder out = new StringBuilder("# payop4j against the Payop emulator (payop-testkit) on 127.0.0.1:")
                .append(e.port()).append(": test credentials of this emulator run only\n");
        for (Map.Entry<String, String> p : e.clientProperties().entrySet()) {
            out.append(p.getKey()).append('=').append(p.getValue()).append('\n');
        }
        try {
            Files.writeString(file, out);
        } catch (IOException x) {
            throw new UncheckedIOException("Could not write the shop's properties to " + file.toAbsolutePath()
                    + "; pass --config with a writable path", x);
        }
    }

    /** What the person configuring a shop needs to know; no secret key and no JWT. */
    static String summary(PayopEmulator e, Path config) {
        return "Payop emulator (payop-testkit) listening on 127.0.0.1:" + e.port() + " - no real money moves.\n"
                + "API URL:        " + e.apiUrl() + "\n"
                + "Checkout URL:   " + e.checkoutUrl() + "\n"
                + "Public key:     " + e.publicKey() + "\n"
                + "Project id:     " + e.projectId() + "\n"
                + "IPNs go to:     " + (e.ipnUrl() == null ? "(nowhere: start with --ipn-url URL)" : e.ipnUrl())
                + " from " + e.ipnSourceAddress() + "\n"
                + "The payop.* properties for the shop (with the secret key and the JWT token) are in "
                + config.toAbsolutePath() + "\n"
                + "Test cards: " + TestCards.SUCCESS + " pays, " + TestCards.THREE_D_SECURE + " asks for 3-D Secure, "
                + TestCards.DECLINED + " is declined, " + TestCards.INSUFFICIENT_FUNDS + " has insufficient funds, "
                + TestCards.PAID_IPN_LOST + " pays but its IPN is lost.\n"
                + "Stop with Ctrl-C.";
    }
}
