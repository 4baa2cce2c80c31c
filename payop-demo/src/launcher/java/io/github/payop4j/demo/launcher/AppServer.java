package io.github.payop4j.demo.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Payara Micro or WildFly, as downloaded by the build into {@code target/demo/servers}. */
interface AppServer {

    /** The server's name and version, for the console. */
    String name();

    /**
     * Starts the server with the shop deployed at {@code /shop} on 127.0.0.1:{@code port}.
     *
     * @param properties a properties file of system properties: the shop's MicroProfile Config
     * @param environment variables for the server's process (the secrets, as the README advises)
     * @param run this run's directory: the server's files, its log and its temporary files
     * @param postgres the PostgreSQL to define the shop's DataSource on, if any
     */
    ServerProcess start(Path war, int port, Path properties, Map<String, String> environment, Path run,
            Optional<Postgres> postgres);

    /** A deployment failure the server reported in its files, if any. */
    Optional<String> deploymentFailure();

    /** The JNDI name of the DataSource this server defines on PostgreSQL. */
    String postgresJndiName();

    static AppServer of(DemoOptions options) {
        Path servers = options.dir().resolve("servers");
        return options.server().equals("wildfly") ? new WildFly(servers) : new PayaraMicro(servers);
    }
}
