package io.github.payop4j.reliability.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * One WildFly server process driven by the test, which Arquillian cannot do: killed with
 * SIGKILL mid-load and started again on the same data, or run twice beside itself. The
 * distribution unpacked by the build is shared; each node has its own {@code jboss.server.base.dir}
 * (configuration, deployments, data, log, tmp) under the suite's work directory, its own port
 * offset, a transaction node id of its own, and binds 127.0.0.1 only. WARs are deployed by the
 * deployment scanner at boot, and the node counts as started when each has its {@code .deployed}
 * marker.
 *
 * <p>Nothing outlives the test JVM: {@link #close()} stops the process (SIGTERM, then SIGKILL),
 * a shutdown hook kills whatever is still running, and a pid file lets the next run kill a
 * server left behind by a run that was itself killed.
 */
public final class WildFlyNode implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Set<Integer> OFFSETS_TAKEN = ConcurrentHashMap.newKeySet();
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);
    private static final int[] BASE_PORTS = {8080, 8443, 9990, 9993, 8009, 4712, 4713};

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "reliability-wildfly-reaper"));
    }

    private final String name;
    private final Path home;
    private final Path base;
    private final int offset;
    private final List<String> extraJavaOptions;
    private final List<String> wars = new ArrayList<>();
    private volatile Process process;
    private Duration lastBoot = Duration.ZERO;

    private WildFlyNode(String name, Path home, Path base, int offset, List<String> extraJavaOptions) {
        this.name = name;
        this.home = home;
        this.base = base;
        this.offset = offset;
        this.extraJavaOptions = List.copyOf(extraJavaOptions);
    }

    /** A node named {@code name} with a fresh base directory under {@code workDir}; not started. */
    public static WildFlyNode create(String name, Path workDir, String... extraJavaOptions) {
        Path home = Path.of(System.getProperty("rel.wildfly.home", "target/wildfly"));
        if (!Files.isRegularFile(home.resolve("jboss-modules.jar"))) {
            throw new IllegalStateException("No WildFly at " + home + ": run through Maven (mvn verify -pl"
                    + " reliability-tests -am), which unpacks it in pre-integration-test");
        }
        Path base = workDir.resolve(name);
        try {
            killLeftover(base);
            Dirs.delete(base);
            Dirs.copy(home.resolve("standalone/configuration"), base.resolve("configuration"));
            for (String dir : List.of("deployments", "data", "log", "tmp")) {
                Files.createDirectories(base.resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WildFlyNode(name, home, base, freeOffset(), List.of(extraJavaOptions));
    }

    /** Adds a WAR to deploy at the next start (or now, by the scanner, if running). */
    public WildFlyNode deploy(Path war) {
        try {
            Files.copy(war, base.resolve("deployments").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wars.add(war.getFileName().toString());
        return this;
    }

    /** Boots the server and waits until every WAR is deployed; fails with the console's tail otherwise. */
    public WildFlyNode start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        long started = System.nanoTime();
        try {
            for (String war : wars) { // a restart after a kill must not trust the old markers
                for (String marker : List.of(".deployed", ".failed", ".isdeploying", ".pending", ".undeployed")) {
                    Files.deleteIfExists(base.resolve("deployments").resolve(war + marker));
                }
            }
            StandaloneCommandBuilder command = StandaloneCommandBuilder.of(home)
                    .setBaseDirectory(base)
                    .setServerConfiguration("standalone.xml")
                    .addJavaOptions("-Xms128m", "-Xmx512m", "-XX:MaxMetaspaceSize=256m",
                            "-Djava.net.preferIPv4Stack=true",
                            "-Djava.io.tmpdir=" + base.resolve("tmp"),
                            "-Djboss.bind.address=127.0.0.1",
                            "-Djboss.bind.address.management=127.0.0.1",
                            "-Djboss.socket.binding.port-offset=" + offset,
                            "-Djboss.tx.node.id=" + name)
                    .addJavaOptions(extraJavaOptions);
            Path console = base.resolve("log/console.log");
            process = Launcher.of(command)
                    .setRedirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(console.toFile()))
                    .addEnvironmentVariable("TMPDIR", base.resolve("tmp").toString())
                    .launch();
            RUNNING.add(process);
            Files.writeString(base.resolve("wildfly.pid"), Long.toString(process.pid()));
            awaitDeployments();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        lastBoot = Duration.ofNanos(System.nanoTime() - started);
        return this;
    }

    private void awaitDeployments() throws IOException {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        for (String war : wars) {
            Path deployments = base.resolve("deployments");
            while (!Files.exists(deployments.resolve(war + ".deployed"))) {
                if (Files.exists(deployments.resolve(war + ".failed"))) {
                    throw new IllegalStateException(name + ": " + war + " failed to deploy: "
                            + Files.readString(deployments.resolve(war + ".failed")));
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " while deploying "
                            + war + "; console:\n" + tail(base.resolve("log/console.log")));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not deploy " + war + " within " + BOOT_TIMEOUT
                            + "; console:\n" + tail(base.resolve("log/console.log")));
                }
                sleep(100);
            }
        }
    }

    /** {@code kill -9}: SIGKILL to the server JVM (no shutdown of any kind), then waits for it to be gone. */
    public void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly(); // SIGKILL on Linux
        await(p, Duration.ofSeconds(30));
        RUNNING.remove(p);
    }

    /** Graceful stop (SIGTERM), SIGKILL after 30 s. Idempotent. */
    @Override
    public void close() {
        Process p = process;
        if (p == null) {
            return;
        }
        if (p.isAlive()) {
            p.destroy();
            if (!await(p, Duration.ofSeconds(30))) {
                p.destroyForcibly();
                await(p, Duration.ofSeconds(30));
            }
        }
        RUNNING.remove(p);
        try {
            Files.deleteIfExists(base.resolve("wildfly.pid"));
        } catch (IOException e) {
            // the pid is checked against the command line before any kill, so a stale file is harmless
        }
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return 8080 + offset;
    }

    /** {@code http://127.0.0.1:<port>/<context>/}. */
    public URI url(String context) {
        return URI.create("http://127.0.0.1:" + httpPort() + "/" + context + "/");
    }

    public Duration lastBoot() {
        return lastBoot;
    }

    /** Every log the node wrote: server.log (and its rotations) and the console. */
    public List<Path> logs() {
        try (Stream<Path> files = Files.list(base.resolve("log"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + "[127.0.0.1:" + httpPort() + (isAlive() ? ", pid " + process.pid() : ", stopped") + "]";
    }

    private static int freeOffset() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(100, 2000) * 10;
            if (!OFFSETS_TAKEN.contains(offset) && allFree(offset) && OFFSETS_TAKEN.add(offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("No free port offset for WildFly on 127.0.0.1");
    }

    private static boolean allFree(int offset) {
        for (int port : BASE_PORTS) {
            try (ServerSocket s = new ServerSocket(port + offset, 1, InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** A server this suite started in an earlier run that was killed before it could stop it. */
    private static void killLeftover(Path base) throws IOException {
        Path pidFile = base.resolve("wildfly.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle.of(pid).ifPresent(h -> {
            String commandLine = h.info().commandLine().orElse("");
            if (commandLine.contains(base.toString())) {
                h.destroyForcibly();
                h.onExit().completeOnTimeout(h, 30, TimeUnit.SECONDS).join();
            }
        });
    }

    private static boolean await(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return false;
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no console: " + e + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
