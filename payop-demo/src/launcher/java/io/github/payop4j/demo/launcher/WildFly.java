package io.github.payop4j.demo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * WildFly from the unpacked {@code wildfly-dist} zip, with a fresh server base directory per run
 * (its configuration copied, so the distribution stays untouched) and every listener on 127.0.0.1.
 * The shop goes in through the deployment scanner as {@code shop.war}.
 */
final class WildFly implements AppServer {

    private static final String DATASOURCE = "java:jboss/datasources/ShopDS";

    private final Path servers;
    private Path deployments;

    WildFly(Path servers) {
        this.servers = servers;
    }

    @Override
    public String name() {
        return "WildFly " + System.getProperty("demo.wildfly.version", home().getFileName().toString()
                .replace("wildfly-", ""));
    }

    @Override
    public String postgresJndiName() {
        return DATASOURCE;
    }

    private Path home() {
        try (Stream<Path> dirs = Files.list(servers)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("wildfly-") && Files.isDirectory(d))
                    .findFirst().orElseThrow(() -> new DemoException("WildFly is not unpacked in " + servers
                            + ": run mvn -q -Pdemo -DskipTests package -Ddemo.server=wildfly"));
        } catch (IOException e) {
            throw new DemoException("WildFly is not unpacked in " + servers
                    + ": run mvn -q -Pdemo -DskipTests package -Ddemo.server=wildfly", e);
        }
    }

    @Override
    public ServerProcess start(Path war, int port, Path properties, Map<String, String> environment, Path run,
            Optional<Postgres> postgres) {
        Path home = home();
        Path base = run.resolve("wildfly");
        deployments = base.resolve("deployments");
        try {
            copyTree(home.resolve("standalone").resolve("configuration"), base.resolve("configuration"));
            Files.createDirectories(deployments);
            if (postgres.isPresent()) {
                Postgres pg = postgres.get();
                Files.copy(pg.driverJar(), deployments.resolve("postgresql.jar"));
                Files.writeString(deployments.resolve("shop-ds.xml"), dataSource(pg), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String script = home.resolve("bin").resolve("standalone.sh").toString();
        List<String> command = List.of("/bin/sh", script,
                "-Djboss.server.base.dir=" + base,
                "-P", properties.toUri().toString(),
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + port,
                "-Djboss.https.port=" + Ports.free(),
                "-Djboss.management.http.port=" + Ports.free(),
                "-Djboss.management.https.port=" + Ports.free());
        Map<String, String> env = new HashMap<>(environment);
        env.put("JAVA_HOME", Java.home());
        env.put("JAVA_OPTS", "-Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:TieredStopAtLevel=1"
                + " -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true -Djava.io.tmpdir=" + run.resolve("tmp"));
        // standalone.sh then waits for the JVM and hands it the signal that stops the demo.
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        ServerProcess server = ServerProcess.start(name(), command, env, run, run.resolve("server.log"));
        if (postgres.isPresent()) {
            // The shop looks its DataSource up when it starts: deploy it only once the DataSource is there.
            awaitMarker("shop-ds.xml", server);
        }
        try {
            Path staged = Files.copy(war, base.resolve("shop.war.staging"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, deployments.resolve("shop.war"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        }
        return server;
    }

    @Override
    public Optional<String> deploymentFailure() {
        if (deployments == null) {
            return Optional.empty();
        }
        for (String name : List.of("shop.war.failed", "shop-ds.xml.failed", "postgresql.jar.failed")) {
            if (Files.exists(deployments.resolve(name))) {
                return Optional.of("WildFly could not deploy " + name.replace(".failed", "") + ".");
            }
        }
        return Optional.empty();
    }

    private void awaitMarker(String deployment, ServerProcess server) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!Files.exists(deployments.resolve(deployment + ".deployed"))) {
            Optional<String> failed = deploymentFailure();
            if (failed.isPresent() || !server.process().isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new DemoException(failed.orElse("WildFly did not deploy " + deployment + ".") + server.tail());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.close();
                throw new DemoException("Interrupted while starting WildFly");
            }
        }
    }

    private static String dataSource(Postgres pg) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<datasources xmlns=\"urn:jboss:domain:datasources:7.0\">\n"
                + "  <datasource jndi-name=\"" + DATASOURCE + "\" pool-name=\"ShopDS\">\n"
                + "    <connection-url>jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres</connection-url>\n"
                + "    <driver>postgresql.jar</driver>\n"
                + "    <security><user-name>postgres</user-name><password>" + Postgres.PASSWORD
                + "</password></security>\n"
                + "  </datasource>\n</datasources>\n";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
