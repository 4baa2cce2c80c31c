package io.github.payop4j.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo as the README's command runs it: {@code DemoLauncher} in its own JVM, on any free
 * port, its console captured. Stopped with SIGTERM, which runs the same shutdown hook as Ctrl-C.
 */
final class RunningDemo implements AutoCloseable {

    private static final Pattern SHOP = Pattern.compile("^  Shop: +(http://\\S+)$", Pattern.MULTILINE);
    private static final Pattern PAYOP = Pattern.compile("emulator \\(payop-testkit\\) at (http://\\S+),");

    final Process process;
    final Path console;
    final URI shop;
    final URI payop;
    private final List<ProcessHandle> tree = new ArrayList<>();

    private RunningDemo(Process process, Path console, URI shop, URI payop) {
        this.process = process;
        this.console = console;
        this.shop = shop;
        this.payop = payop;
    }

    static RunningDemo start(Path target) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("demo.dir", target.resolve("demo").toString()));
        Path console = target.resolve("demo-console.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + dir.resolve("tmp")));
        for (String key : List.of("demo.dir", "demo.war", "demo.server", "demo.db", "demo.payara.version",
                "demo.wildfly.version")) {
            if (System.getProperty(key) != null) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        // The sweep may ask about an invoice 5 s after it was made (the demo's own default is a
        // minute), so that the lost-IPN test need not wait.
        command.addAll(List.of("-Ddemo.port=0", "-Ddemo.reconcile.delay=5s", "-cp", System.getProperty("java.class.path"),
                "io.github.payop4j.demo.launcher.DemoLauncher"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.readString(console, StandardCharsets.UTF_8);
            Matcher shop = SHOP.matcher(out);
            if (shop.find()) {
                Matcher payop = PAYOP.matcher(out);
                RunningDemo demo = new RunningDemo(p, console, URI.create(shop.group(1)),
                        payop.find() ? URI.create(payop.group(1)) : null);
                p.toHandle().descendants().forEach(demo.tree::add);
                return demo;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("The demo did not start (exit " + p.exitValue() + "):\n" + out);
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("The demo printed no URL within 300 s:\n" + Files.readString(console));
    }

    String consoleText() throws IOException {
        return Files.readString(console, StandardCharsets.UTF_8);
    }

    /** The processes the demo started (the app server, PostgreSQL), as seen when it was ready. */
    List<ProcessHandle> children() {
        return List.copyOf(tree);
    }

    /** Stops it as Ctrl-C does (the JVM's shutdown hook); returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The demo did not stop within 90 s of SIGTERM");
        }
        return process.exitValue();
    }

    static boolean listening(URI url) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(url.getHost()), url.getPort()));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
