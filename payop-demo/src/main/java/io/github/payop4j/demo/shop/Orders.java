package io.github.payop4j.demo.shop;

import io.github.payop4j.ipn.IpnState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shop's orders and their refunds. Every write is {@code @Transactional}: called from an IPN
 * observer, it joins the IPN's transaction.
 */
@ApplicationScoped
public class Orders {

    private static final String ID_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String COLUMNS = "id, email, name, currency, total, status, paid_by, failure, review,"
            + " created_ms";
    private final SecureRandom random = new SecureRandom();

    @Inject
    ShopDatabase db;

    /** Places an order for the cart's lines; the total is the exact sum of the lines. */
    @Transactional
    public Order place(String email, String name, List<OrderLine> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        String id = newId();
        BigDecimal total = lines.stream().map(l -> new BigDecimal(l.lineTotal())).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        db.update("INSERT INTO demo_order (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?)", id, email,
                name, Catalogue.CURRENCY, total.toPlainString(), OrderStatus.NEW.name(), System.currentTimeMillis());
        for (int i = 0; i < lines.size(); i++) {
            OrderLine l = lines.get(i);
            db.update("INSERT INTO demo_order_line (order_id, line_no, sku, name, quantity, unit_price, line_total)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, i + 1, l.sku(), l.name(), l.quantity(), l.unitPrice(),
                    l.lineTotal());
        }
        return find(id).orElseThrow();
    }

    public Optional<Order> find(String id) {
        if (id == null || id.length() > 16) {
            return Optional.empty();
        }
        return orders("SELECT " + COLUMNS + " FROM demo_order WHERE id = ?", id).stream().findFirst();
    }

    /** The newest orders first. */
    public List<Order> recent(int limit) {
        return orders("SELECT " + COLUMNS + " FROM demo_order ORDER BY created_ms DESC, id").stream().limit(limit)
                .toList();
    }

    public Optional<Order> paidBy(String transactionId) {
        return orders("SELECT " + COLUMNS + " FROM demo_order WHERE paid_by = ?", transactionId).stream().findFirst();
    }

    /** Payop confirmed the payment. A second acceptance never reaches here: it is an ALREADY_PAID anomaly. */
    @Transactional
    public void markPaid(String orderId, String transactionId) {
        require(db.update("UPDATE demo_order SET status = ?, paid_by = ?, failure = NULL WHERE id = ?",
                OrderStatus.PAID.name(), transactionId, orderId), orderId);
    }

    @Transactional
    public void markPending(String orderId) {
        db.update("UPDATE demo_order SET status = ? WHERE id = ? AND status <> ?", OrderStatus.PENDING.name(), orderId,
                OrderStatus.PAID.name());
    }

    /** An attempt failed; a paid order stays paid (a late failure of an older attempt changes nothing). */
    @Transactional
    public void markFailed(String orderId, String reason) {
        db.update("UPDATE demo_order SET status = ?, failure = ? WHERE id = ? AND status <> ?",
                OrderStatus.FAILED.name(), truncate(reason, 300), orderId, OrderStatus.PAID.name());
    }

    @Transactional
    public void flagForReview(String orderId, String why) {
        if (orderId != null) {
            db.update("UPDATE demo_order SET review = ? WHERE id = ?", truncate(why, 100), orderId);
        }
    }

    /** The back office asked Payop for a refund; the IPN may have recorded it already. */
    @Transactional
    public void refundRequested(String refundId, String orderId, String amount) {
        if (db.query("SELECT id FROM demo_refund WHERE id = ?", rs -> rs.getString(1), refundId).isEmpty()) {
            db.update("INSERT INTO demo_refund (id, order_id, amount, status, created_ms) VALUES (?, ?, ?, ?, ?)",
                    refundId, orderId, amount, "REQUESTED", System.currentTimeMillis());
        }
    }

    /** Payop's refund IPN; it can arrive before {@link #refundRequested} committed, so it may insert. */
    @Transactional
    public void refundUpdated(String refundId, String transactionId, String amount, IpnState state) {
        if (db.update("UPDATE demo_refund SET status = ? WHERE id = ?", state.name(), refundId) == 0) {
            Order order = paidBy(transactionId).orElseThrow(() -> new IllegalStateException(
                    "Refund " + refundId + " is for transaction " + transactionId + ", which paid no order of ours"));
            db.update("INSERT INTO demo_refund (id, order_id, amount, status, created_ms) VALUES (?, ?, ?, ?, ?)",
                    refundId, order.id(), amount, state.name(), System.currentTimeMillis());
        }
    }

    /** An order's own row; its lines and refunds are read next to it. */
    private record Head(String id, String email, String name, String currency, String total, String status,
            String paidBy, String failure, String review, long createdMs) {
    }

    private List<Order> orders(String sql, Object... args) {
        List<Order> out = new ArrayList<>();
        for (Head h : db.query(sql, rs -> new Head(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getLong(10)), args)) {
            List<OrderLine> lines = db.query("SELECT sku, name, quantity, unit_price, line_total FROM demo_order_line"
                    + " WHERE order_id = ? ORDER BY line_no", rs -> new OrderLine(rs.getString(1), rs.getString(2),
                    rs.getInt(3), rs.getString(4), rs.getString(5)), h.id());
            List<Refund> refunds = db.query("SELECT id, order_id, amount, status, created_ms FROM demo_refund"
                    + " WHERE order_id = ? ORDER BY created_ms", rs -> new Refund(rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))), h.id());
            out.add(new Order(h.id(), h.email(), h.name(), h.currency(), h.total(), OrderStatus.valueOf(h.status()),
                    h.paidBy(), h.failure(), h.review(), Instant.ofEpochMilli(h.createdMs()), lines, refunds));
        }
        return out;
    }

    private String newId() {
        StringBuilder b = new StringBuilder("SO-");
        for (int i = 0; i < 6; i++) {
            b.append(ID_LETTERS.charAt(random.nextInt(ID_LETTERS.length())));
        }
        return b.toString();
    }

    private static void require(int rows, String orderId) {
        if (rows != 1) {
            // Rolls back the IPN's transaction: Payop retries, and the journal keeps the failure.
            throw new IllegalStateException("No order " + orderId);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
