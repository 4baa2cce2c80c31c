package io.github.payop4j.demo.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The shop's tables, in the DataSource named by {@code shop.datasource}: by default the server's
 * own {@code java:comp/DefaultDataSource} (H2 on Payara and WildFly), which is also where
 * payop4j journals IPNs, so an observer's writes and the journal commit together. The launcher's
 * PostgreSQL option points {@code shop.datasource} and {@code payop.ipn.datasource} at one
 * PostgreSQL DataSource instead.
 */
@ApplicationScoped
public class ShopDatabase {

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS demo_order (id VARCHAR(16) PRIMARY KEY, email VARCHAR(200) NOT NULL,"
                + " name VARCHAR(200) NOT NULL, currency VARCHAR(3) NOT NULL, total VARCHAR(20) NOT NULL,"
                + " status VARCHAR(16) NOT NULL, paid_by VARCHAR(128), failure VARCHAR(300), review VARCHAR(100),"
                + " created_ms BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS demo_order_line (order_id VARCHAR(16) NOT NULL, line_no INTEGER NOT NULL,"
                + " sku VARCHAR(40) NOT NULL, name VARCHAR(200) NOT NULL, quantity INTEGER NOT NULL,"
                + " unit_price VARCHAR(20) NOT NULL, line_total VARCHAR(20) NOT NULL, PRIMARY KEY (order_id, line_no))",
        "CREATE TABLE IF NOT EXISTS demo_refund (id VARCHAR(128) PRIMARY KEY, order_id VARCHAR(16) NOT NULL,"
                + " amount VARCHAR(20) NOT NULL, status VARCHAR(16) NOT NULL, created_ms BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS demo_payout (id VARCHAR(128) PRIMARY KEY, amount VARCHAR(20) NOT NULL,"
                + " currency VARCHAR(3) NOT NULL, recipient VARCHAR(200) NOT NULL, status VARCHAR(16) NOT NULL,"
                + " created_ms BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS demo_ipn_event (id VARCHAR(36) PRIMARY KEY, received_ms BIGINT NOT NULL,"
                + " journal_entry BIGINT NOT NULL, kind VARCHAR(16) NOT NULL, object_id VARCHAR(128) NOT NULL,"
                + " order_id VARCHAR(255), source_tx VARCHAR(128), event VARCHAR(32) NOT NULL, state VARCHAR(16) NOT NULL,"
                + " outcome VARCHAR(40) NOT NULL, detail VARCHAR(500))",
    };

    /** Reads one row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private volatile DataSource dataSource;

    void createTables(@Observes @Initialized(ApplicationScoped.class) Object start) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the shop's tables in " + name(), e);
        }
    }

    public int update(String sql, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Shop database: " + e.getMessage(), e);
        }
    }

    public <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Shop database: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static String name() {
        return ConfigProvider.getConfig().getOptionalValue("shop.datasource", String.class)
                .orElse("java:comp/DefaultDataSource");
    }

    private DataSource dataSource() {
        DataSource ds = dataSource;
        if (ds == null) {
            try {
                ds = (DataSource) new InitialContext().lookup(name());
            } catch (NamingException e) {
                throw new IllegalStateException("No DataSource at " + name() + " (set shop.datasource)", e);
            }
            dataSource = ds;
        }
        return ds;
    }
}
