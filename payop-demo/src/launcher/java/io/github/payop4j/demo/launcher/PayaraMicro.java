package io.github.payop4j.demo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Payara Micro: one JVM, the WAR given on the command line. Bound to 127.0.0.1 by a pre-boot
 * command, without Hazelcast (which would listen on every interface) or phone-home.
 */
final class PayaraMicro implements AppServer {

    private final Path jar;
    private Path log;

    PayaraMicro(Path servers) {
        this.jar = servers.resolve("payara-micro.jar");
    }

    @Override
    public String name() {
        return "Payara Micro " + System.getProperty("demo.payara.version", "6");
    }

    @Override
    public String postgresJndiName() {
        return "jdbc/shop";
    }

    @Override
    public ServerProcess start(Path war, int port, Path properties, Map<String, String> environment, Path run,
            Optional<Postgres> postgres) {
        if (!Files.isRegularFile(jar)) {
            throw new DemoException(jar + " is missing: run mvn -q -Pdemo -DskipTests package");
        }
        try {
            Path preboot = Files.writeString(run.resolve("preboot.asadmin"), "set configs.config.server-config"
                    + ".network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n");
            List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xms64m", "-Xmx512m",
                    "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
                    // The default DataSource's H2 runs a TCP server (AUTO_SERVER), on every interface unless told.
                    "-Dh2.bindAddress=127.0.0.1",
                    "-Djava.io.tmpdir=" + run.resolve("tmp"), "-jar", jar.toString(),
                    "--deploy", war.toString(), "--contextroot", "shop", "--port", Integer.toString(port),
                    "--nohazelcast", "--disablephonehome", "--rootdir", run.resolve("payara").toString(),
                    "--prebootcommandfile", preboot.toString(), "--systemproperties", properties.toString()));
            if (postgres.isPresent()) {
                Postgres pg = postgres.get();
                Path postboot = Files.writeString(run.resolve("postboot.asadmin"),
                        "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                        + " --restype=javax.sql.DataSource --property serverName=127.0.0.1:portNumber=" + pg.port()
                        + ":databaseName=postgres:user=postgres:password=" + Postgres.PASSWORD + " shop-pool\n"
                        + "create-jdbc-resource --connectionpoolid=shop-pool " + postgresJndiName() + "\n",
                        StandardCharsets.UTF_8);
                command.addAll(List.of("--addlibs", pg.driverJar().toString(), "--postbootcommandfile",
                        postboot.toString()));
            }
            log = run.resolve("server.log");
            return ServerProcess.start(name(), command, environment, run, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<String> deploymentFailure() {
        try {
            if (log != null && Files.isRegularFile(log)) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                if (text.contains("Exception while deploying") || text.contains("Exception while loading the app")
                        || text.contains("Failed to deploy")) {
                    return Optional.of("Payara Micro could not deploy the shop.");
                }
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
