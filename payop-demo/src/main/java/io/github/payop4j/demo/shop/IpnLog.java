package io.github.payop4j.demo.shop;

import io.github.payop4j.ipn.IpnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every IPN event the shop's observers received, anomalies included, with the journal entry of
 * the delivery that produced it: the history on an order's page. (The back office's IPN page
 * shows payop4j's own journal, which also holds deliveries that never became events.)
 */
@ApplicationScoped
public class IpnLog {

    /**
     * One event.
     *
     * @param outcome APPLIED, or ANOMALY followed by its type
     */
    public record Entry(Instant receivedAt, long journalEntry, String kind, String objectId, String orderId,
            String sourceTransaction, String event, String state, String outcome, String detail) {

        public boolean anomaly() {
            return outcome.startsWith("ANOMALY");
        }
    }

    @Inject
    ShopDatabase db;

    @Transactional
    public void record(IpnEvent e) {
        String outcome = "APPLIED";
        String detail = e.facts().amount() == null ? null : cents(e.facts().amount()) + " " + e.facts().currency();
        if (e instanceof IpnEvent.Anomaly a) {
            outcome = "ANOMALY " + a.type().name();
            detail = a.detail();
        } else if (e instanceof IpnEvent.PaymentFailed f) {
            detail = f.reason().name() + (e.facts().errorMessage() == null ? "" : ": " + e.facts().errorMessage());
        }
        db.update("INSERT INTO demo_ipn_event (id, received_ms, journal_entry, kind, object_id, order_id, source_tx,"
                + " event, state, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), e.facts().receivedAt().toEpochMilli(), e.journalEntryId(),
                e.facts().kind().name(), e.facts().objectId(), e.facts().orderId(), e.facts().sourceTransactionId(),
                e.getClass().getSimpleName(), e.state().name(), outcome,
                detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500));
    }

    /** Payop may send "24.4" for 24.40: shown with the currency's two decimals, never rounded. */
    private static String cents(String amount) {
        try {
            BigDecimal a = new BigDecimal(amount);
            return a.scale() < 2 ? a.setScale(2).toPlainString() : a.toPlainString();
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    /** The events about one order: its payments, and refunds of the transaction that paid it. */
    public List<Entry> forOrder(Order order) {
        return entries("SELECT " + COLUMNS + " FROM demo_ipn_event WHERE order_id = ? OR source_tx = ?"
                + " ORDER BY received_ms, journal_entry", order.id(), order.paidBy() == null ? "" : order.paidBy());
    }

    private static final String COLUMNS = "received_ms, journal_entry, kind, object_id, order_id, source_tx, event,"
            + " state, outcome, detail";

    private List<Entry> entries(String sql, Object... args) {
        return db.query(sql, rs -> new Entry(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10)), args);
    }
}
