package io.github.payop4j.bench.ipn;

import io.github.payop4j.bench.BenchRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A WildFly booted from its unpacked distribution for the IPN load run: on 127.0.0.1 with a free
 * port offset, its own copy of {@code standalone/} under the results directory, the WARs
 * deployed by the deployment scanner at boot.
 */
final class WildFly implements AutoCloseable {

    private final Process process;
    private final Path base;
    final int httpPort;

    private WildFly(Process process, Path base, int httpPort) {
        this.process = process;
        this.base = base;
        this.httpPort = httpPort;
    }

    static WildFly start(Path home, Path workDir, List<Path> wars) throws IOException, InterruptedException {
        Path base = workDir.resolve("standalone");
        BenchRun.deleteTree(base);
        copyTree(home.resolve("standalone"), base);
        for (Path war : wars) {
            Files.copy(war, base.resolve("deployments").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        int offset = freeOffset();
        Path tmp = workDir.resolve("tmp");
        Files.createDirectories(tmp);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1", "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("wildfly-console.log").toFile());
        // PAYOP_BENCH_SERVER_OPTS: more JVM options for the server, e.g. a JFR recording to see where time goes.
        String extra = System.getenv().getOrDefault("PAYOP_BENCH_SERVER_OPTS", "");
        pb.environment().put("JAVA_OPTS", "-Xms1g -Xmx1g -Djava.net.preferIPv4Stack=true -Djava.io.tmpdir=" + tmp
                + (extra.isBlank() ? "" : " " + extra));
        pb.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        pb.environment().put("TMPDIR", tmp.toString());
        WildFly server = new WildFly(pb.start(), base, 8080 + offset);
        try {
            server.awaitDeployments(wars);
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitDeployments(List<Path> wars) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        for (Path war : wars) {
            Path deployments = base.resolve("deployments");
            String name = war.getFileName().toString();
            while (!Files.exists(deployments.resolve(name + ".deployed"))) {
                if (Files.exists(deployments.resolve(name + ".failed"))) {
                    throw new IllegalStateException(name + " failed to deploy: " + Files.readString(deployments.resolve(name + ".failed")));
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("WildFly did not deploy " + name + "; see wildfly-console.log");
                }
                Thread.sleep(200);
            }
        }
    }

    private static int freeOffset() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(1000, 20000);
            if (free(8080 + offset) && free(8443 + offset) && free(9990 + offset) && free(9993 + offset)) {
                return offset;
            }
        }
        throw new IOException("No free port offset for WildFly");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        // The script forwards SIGTERM to the server JVM (LAUNCH_JBOSS_IN_BACKGROUND); make sure of both.
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
            child.destroyForcibly();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
