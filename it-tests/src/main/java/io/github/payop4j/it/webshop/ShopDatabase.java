package io.github.payop4j.it.webshop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The shop's database: the DataSource named by {@code shop.datasource} (default: the server's
 * {@code java:comp/DefaultDataSource}, H2 on both servers). Tables are created and the demo
 * orders seeded when the application starts.
 */
@ApplicationScoped
public class ShopDatabase {

    public static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";

    /** Orders every fresh shop has. */
    public static final String SEEDED_ORDER = "demo-1001";

    private volatile DataSource dataSource;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS shop_order (id VARCHAR(64) PRIMARY KEY, amount VARCHAR(20) NOT NULL,"
                    + " currency VARCHAR(3) NOT NULL, email VARCHAR(200) NOT NULL, status VARCHAR(16) NOT NULL,"
                    + " paid_count INTEGER NOT NULL, tx_id VARCHAR(128), refund_id VARCHAR(128),"
                    + " refund_status VARCHAR(16))");
            s.execute("CREATE TABLE IF NOT EXISTS shop_event (id VARCHAR(64) PRIMARY KEY, kind VARCHAR(32) NOT NULL,"
                    + " object_id VARCHAR(128), order_id VARCHAR(255), detail VARCHAR(500))");
            // The servers' default H2 databases outlive a deployment: reseed the demo order.
            s.execute("DELETE FROM shop_order WHERE id = '" + SEEDED_ORDER + "'");
            s.execute("INSERT INTO shop_order (id, amount, currency, email, status, paid_count)"
                    + " VALUES ('" + SEEDED_ORDER + "', '49.90', 'EUR', 'jane@example.com', 'NEW', 0)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the shop database", e);
        }
    }

    public DataSource dataSource() {
        DataSource ds = dataSource;
        if (ds == null) {
            String name = ConfigProvider.getConfig().getOptionalValue("shop.datasource", String.class)
                    .orElse(DEFAULT_DATASOURCE);
            try {
                ds = (DataSource) new InitialContext().lookup(name);
            } catch (NamingException e) {
                throw new IllegalStateException("No DataSource at " + name, e);
            }
            dataSource = ds;
        }
        return ds;
    }
}
