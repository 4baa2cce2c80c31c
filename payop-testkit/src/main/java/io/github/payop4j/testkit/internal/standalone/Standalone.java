package io.github.payop4j.testkit.internal.standalone;

import io.github.payop4j.testkit.PayopEmulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar payop-testkit-VERSION-standalone.jar --port 8089 --ipn-url http://127.0.0.1:8080/payop/ipn}:
 * a Payop to try a shop against by hand. Prints the settings to configure and runs until Ctrl-C.
 */
public final class Standalone {

    private Standalone() {
    }

    public static void main(String[] args) throws InterruptedException {
        PayopEmulator.Builder builder = PayopEmulator.builder();
        try {
            parse(args, builder);
        } catch (IllegalArgumentException e) {
            System.err.println("payop-testkit: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        PayopEmulator emulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "payop-emulator-shutdown"));
        print(emulator, System.out);
        stopped.await();
    }

    static void parse(String[] args, PayopEmulator.Builder b) {
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                usage(System.out);
                System.exit(0);
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
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar payop-testkit-<version>-standalone.jar [--port P] [--ipn-url URL]"
                + " [--ipn-source 127.0.0.x] [--ipn-repeats N] [--ipn-delay-ms MS] [--balance EUR=1000.00]");
    }

    static void print(PayopEmulator e, PrintStream out) {
        out.println("Payop emulator (payop-testkit) listening on 127.0.0.1:" + e.port() + " - no real money moves.");
        out.println();
        out.println("API URL:        " + e.apiUrl());
        out.println("Checkout URL:   " + e.checkoutUrl());
        out.println("Public key:     " + e.publicKey());
        out.println("Secret key:     " + e.secretKey() + "   (a test credential of this emulator only)");
        out.println("JWT token:      " + e.jwtToken());
        out.println("Project id:     " + e.projectId());
        out.println("IPNs go to:     " + (e.ipnUrl() == null ? "(nowhere: start with --ipn-url URL)" : e.ipnUrl())
                + " from " + e.ipnSourceAddress());
        out.println();
        out.println("MicroProfile Config for payop-jaxrs-adapter (META-INF/microprofile-config.properties):");
        for (Map.Entry<String, String> p : e.clientProperties().entrySet()) {
            out.println(p.getKey() + "=" + p.getValue());
        }
        out.println();
        out.println("Test cards: 4111111111111111 pays, 4000000000003220 asks for 3-D Secure,"
                + " 4000000000000002 is declined, 4000000000009995 has insufficient funds.");
        out.println("Stop with Ctrl-C.");
        out.flush();
    }
}
