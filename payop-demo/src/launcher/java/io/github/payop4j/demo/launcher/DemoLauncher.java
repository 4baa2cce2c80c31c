package io.github.payop4j.demo.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The README's first command, {@code mvn -q -Pdemo -DskipTests package}, ends here: the shop in
 * a real app server with the Payop emulator beside it, on 127.0.0.1, until Ctrl-C. The browser
 * test starts this same class in its own JVM (with {@code -Ddemo.port=0}) and stops it as Ctrl-C
 * does.
 */
public final class DemoLauncher {

    /** Printed before the shop's URL; the browser test reads the URL after it. */
    static final String SHOP_LINE = "  Shop:         ";

    private DemoLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        DemoOptions options;
        try {
            options = DemoOptions.fromSystemProperties();
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (DemoException | IOException e) {
            System.err.println("payop-demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        Demo demo = new Demo(options, out);
        // Ctrl-C (or a SIGTERM) stops everything the demo started, even halfway through starting.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the demo...");
            demo.close();
            out.println("Stopped " + demo.server().name() + (demo.payop().isPresent() ? ", the Payop emulator" : "")
                    + (demo.postgres() ? ", PostgreSQL" : "") + ".");
            out.flush();
        }, "payop-demo-shutdown"));
        out.println("Starting the payop4j demo shop in " + demo.server().name() + " ("
                + (options.postgres() ? "PostgreSQL" : "H2, the server's default DataSource") + ", "
                + (options.realPayop() ? "the real Payop" : "the Payop emulator") + ")...");
        URI shop;
        try {
            shop = demo.start();
        } catch (RuntimeException e) {
            System.err.println("payop-demo: " + e.getMessage());
            System.exit(1);
            return;
        }
        printReady(out, options, demo, shop);
        // Runs until Ctrl-C; if the server goes away on its own, so does the demo.
        demo.process().orElseThrow().process().waitFor();
        if (demo.closed()) {
            return; // Ctrl-C: the shutdown hook stopped it
        }
        System.err.println("payop-demo: " + demo.server().name() + " stopped; see " + relative(
                demo.process().orElseThrow().log()));
        System.exit(1);
    }

    private static void printReady(PrintStream out, DemoOptions options, Demo demo, URI shop) {
        double seconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
        out.println();
        out.println(SHOP_LINE + shop);
        out.println("  Back office:  " + shop.resolve("admin"));
        demo.payop().ifPresentOrElse(p -> {
            out.println("  Payop:        the emulator (payop-testkit) at " + p.apiUrl() + ", no real money moves");
            out.println("  Test cards:   4111 1111 1111 1111 pays, 4000 0000 0000 3220 asks for 3-D Secure,"
                    + " 4000 0000 0000 0002 is declined,");
            out.println("                4000 0000 0000 0077 pays but its IPN is lost (the back office's"
                    + " \"Reconcile now\" finds it after a minute)");
        }, () -> out.println("  Payop:        the real Payop (PAYOP_* environment variables); IPNs need a public URL"));
        out.println("  Server:       " + demo.server().name() + ", log in " + relative(demo.process().orElseThrow().log()));
        out.println("  Database:     " + (options.postgres() ? "PostgreSQL (embedded) on 127.0.0.1"
                : "H2, the server's default DataSource"));
        out.println();
        out.println(String.format(Locale.ROOT, "Ready in %.1f s. Open %s in a browser; stop with Ctrl-C.", seconds, shop));
        out.flush();
    }

    private static String relative(Path p) {
        // Maven runs the launcher in payop-demo/; paths are shown from where the command was typed.
        Path cwd = Path.of(System.getProperty("demo.cwd", "")).toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
