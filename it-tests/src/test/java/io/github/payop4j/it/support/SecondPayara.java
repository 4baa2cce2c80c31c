package io.github.payop4j.it.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A second Payara Micro, started by the test itself with one WAR: a second node. The Arquillian
 * adapter runs one Payara Micro per deployment and cannot hold two, so the test starts this one
 * as the adapter starts its own (the same jar, options, pre- and post-boot commands, 127.0.0.1
 * only) and stops it when done. Its output goes to target/it-tmp, not to the console.
 */
public final class SecondPayara implements AutoCloseable {

    private final Process process;
    private final Path war;
    private final int port;
    private final String context;

    private SecondPayara(Process process, Path war, int port, String context) {
        this.process = process;
        this.war = war;
        this.port = port;
        this.context = context;
    }

    public static SecondPayara start(WebArchive archive) {
        Path dir = Path.of(System.getProperty("it.tmp"), "second-payara");
        String name = archive.getName();
        String context = name.endsWith(".war") ? name.substring(0, name.length() - 4) : name;
        try {
            Files.createDirectories(dir);
            Path war = dir.resolve(name);
            archive.as(ZipExporter.class).exportTo(war.toFile(), true);
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                port = probe.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xms64m", "-Xmx512m", "-Djava.net.preferIPv4Stack=true", "-Dh2.bindAddress=127.0.0.1",
                    "-Djava.io.tmpdir=" + dir, "-jar", System.getProperty("it.payara.jar"), "--deploy", war.toString(),
                    "--port", String.valueOf(port), "--nohazelcast", "--disablephonehome",
                    "--prebootcommandfile", System.getProperty("it.payara.preboot"),
                    "--postbootcommandfile", System.getProperty("it.payara.postboot")));
            File log = dir.resolve(context + ".log").toFile();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = new Thread(() -> copy(p, log, ready), "second-payara-output");
            reader.setDaemon(true);
            reader.start();
            if (!ready.await(180, TimeUnit.SECONDS) || !p.isAlive()) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("The second Payara Micro did not start; see " + log);
            }
            return new SecondPayara(p, war, port, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Process p, File log, CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                var out = Files.newBufferedWriter(log.toPath(), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null;) {
                out.write(line);
                out.newLine();
                out.flush();
                if (line.contains("Payara Micro") && line.contains("ready in")) {
                    ready.countDown();
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    public URL url() {
        try {
            return new URL("http://127.0.0.1:" + port + "/" + context + "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(war);
        } catch (IOException ignored) {
            // under target/, removed by mvn clean
        }
    }
}
