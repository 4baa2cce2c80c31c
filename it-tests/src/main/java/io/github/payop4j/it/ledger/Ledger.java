package io.github.payop4j.it.ledger;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * A CDI-free shop's ledger in the server's default DataSource: what the IPN servlet's
 * ServiceLoader handler wrote. Plain JDBC, auto-commit.
 */
public final class Ledger {

    private Ledger() {
    }

    static DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup("java:comp/DefaultDataSource");
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void createTables() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS ledger_entry (id VARCHAR(64) PRIMARY KEY, kind VARCHAR(32) NOT NULL,"
                    + " object_id VARCHAR(128) NOT NULL, order_id VARCHAR(255), detail VARCHAR(200))");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void add(String kind, String objectId, String orderId, String detail) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ledger_entry (id, kind, object_id, order_id, detail) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, kind);
            ps.setString(3, objectId);
            ps.setString(4, orderId);
            ps.setString(5, detail);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many deliveries of one Payop object the IPN journal holds in the tables payop.ipn.journal.table-prefix named. */
    static int journaled(String objectId) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM ledger_ipn_delivery WHERE object_id = ?")) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entries for one Payop object, as JSON. */
    static String entries(String objectId) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT kind, order_id, detail FROM ledger_entry WHERE object_id = ? ORDER BY kind, detail")) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Json.createObjectBuilder().add("kind", rs.getString(1))
                            .add("orderId", rs.getString(2) == null ? "" : rs.getString(2))
                            .add("detail", rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.build().toString();
    }
}
