package io.github.payop4j.demo.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code mvn -q -Pdemo -DskipTests package} was asked for, as system properties (the POM
 * passes Maven's {@code -D} values on).
 *
 * @param server {@code payara} (Payara Micro, the default) or {@code wildfly}
 * @param postgres orders and the IPN journal in an embedded PostgreSQL instead of the server's H2
 * @param port the shop's port on 127.0.0.1: 8080 by default, the next free one if that is taken;
 *     0 for any free port (what the browser test uses)
 * @param realPayop the real Payop, configured by the {@code PAYOP_*} environment variables,
 *     instead of the emulator
 * @param dir where the servers were put by the build and where this run writes everything
 * @param war the shop
 */
record DemoOptions(String server, boolean postgres, int port, boolean realPayop, Path dir, Path war) {

    static DemoOptions fromSystemProperties() {
        String server = choice("demo.server", "payara");
        if (!server.equals("payara") && !server.equals("wildfly")) {
            throw new DemoException("demo.server must be payara or wildfly, not " + server);
        }
        String db = choice("demo.db", "h2");
        if (!db.equals("h2") && !db.equals("postgres")) {
            throw new DemoException("demo.db must be h2 or postgres, not " + db);
        }
        String payop = choice("demo.payop", "emulator");
        if (!payop.equals("emulator") && !payop.equals("real")) {
            throw new DemoException("demo.payop must be emulator or real, not " + payop);
        }
        int port;
        try {
            port = Integer.parseInt(property("demo.port", "8080"));
        } catch (NumberFormatException e) {
            throw new DemoException("demo.port must be a port number, such as 8080");
        }
        Path dir = Path.of(property("demo.dir", "payop-demo/target/demo")).toAbsolutePath().normalize();
        Path war = Path.of(property("demo.war", dir.resolveSibling("payop-demo.war").toString())).toAbsolutePath();
        if (!Files.isRegularFile(war)) {
            throw new DemoException("The shop WAR " + war + " is missing: run mvn -q -Pdemo -DskipTests package");
        }
        return new DemoOptions(server, db.equals("postgres"), port, payop.equals("real"), dir, war);
    }

    private static String choice(String key, String fallback) {
        return property(key, fallback).toLowerCase(Locale.ROOT);
    }

    private static String property(String key, String fallback) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
