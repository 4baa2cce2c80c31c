package io.github.payop4j.it.months;

import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.it.webshop.ShopDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shop's record of double payments: both transactions of every {@code ALREADY_PAID} anomaly,
 * in its database (table {@code months_double_payment}), written in the IPN's transaction.
 */
@ApplicationScoped
public class DoublePayments {

    @Inject
    ShopDatabase db;

    void createTable(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS months_double_payment (transaction_id VARCHAR(128) PRIMARY KEY,"
                    + " paid_by VARCHAR(128) NOT NULL, order_id VARCHAR(255) NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    void record(@Observes IpnEvent.Anomaly event) {
        if (event.type() != IpnEvent.Anomaly.Type.ALREADY_PAID) {
            return;
        }
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO months_double_payment (transaction_id, paid_by, order_id) VALUES (?, ?, ?)")) {
            ps.setString(1, event.objectId());
            ps.setString(2, event.paidByTransaction());
            ps.setString(3, event.orderId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
