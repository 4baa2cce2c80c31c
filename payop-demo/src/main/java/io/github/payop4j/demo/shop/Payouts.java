package io.github.payop4j.demo.shop;

import io.github.payop4j.ipn.IpnState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Payouts the back office sent from the Payop wallet, and their state from Payop's withdrawal IPNs. */
@ApplicationScoped
public class Payouts {

    /** One payout; {@code status} is REQUESTED until the first withdrawal IPN. */
    public record Payout(String id, String amount, String currency, String recipient, String status,
            Instant createdAt) {
    }

    @Inject
    ShopDatabase db;

    @Transactional
    public void requested(String id, String amount, String currency, String recipient) {
        if (db.query("SELECT id FROM demo_payout WHERE id = ?", rs -> rs.getString(1), id).isEmpty()) {
            db.update("INSERT INTO demo_payout (id, amount, currency, recipient, status, created_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, amount, currency, recipient, "REQUESTED",
                    System.currentTimeMillis());
        }
    }

    /**
     * A withdrawal IPN (its amount and currency as Payop's API confirmed them). One that arrives
     * before {@link #requested} committed, or for a payout made elsewhere (Payop's dashboard), is
     * recorded from the IPN.
     */
    @Transactional
    public void updated(String id, IpnState state, String amount, String currency) {
        if (db.update("UPDATE demo_payout SET status = ? WHERE id = ?", state.name(), id) == 0) {
            db.update("INSERT INTO demo_payout (id, amount, currency, recipient, status, created_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, amount == null ? "" : amount, currency == null ? "" : currency,
                    "(not sent from this back office)", state.name(), System.currentTimeMillis());
        }
    }

    public List<Payout> recent(int limit) {
        return db.query("SELECT id, amount, currency, recipient, status, created_ms FROM demo_payout"
                + " ORDER BY created_ms DESC", rs -> new Payout(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)))).stream().limit(limit).toList();
    }
}
