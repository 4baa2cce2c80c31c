package io.github.payop4j.it.webshop;

import io.github.payop4j.PayopClient;
import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.money.Amount;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.withdrawal.MassWithdrawalResult;
import io.github.payop4j.withdrawal.WithdrawalRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The shop's business: orders in its database, credited by Payop's IPNs, refunded through the
 * injected {@link PayopClient}. Every write runs in a container transaction ({@code @Transactional}),
 * which joins the IPN pipeline's transaction when there is one.
 */
@ApplicationScoped
public class ShopService {

    @Inject
    ShopDatabase db;

    /** The adapter's client, configured by MicroProfile Config. */
    @Inject
    PayopClient payop;

    @Transactional
    public ShopOrder create(String amount, String currency, String email) {
        String id = "o-" + UUID.randomUUID().toString().substring(0, 18);
        update("INSERT INTO shop_order (id, amount, currency, email, status, paid_count) VALUES (?, ?, ?, ?, 'NEW', 0)",
                id, amount, currency, email);
        return find(id).orElseThrow();
    }

    public Optional<ShopOrder> find(String id) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, amount, currency, email, status, paid_count,"
                        + " tx_id, refund_id, refund_status FROM shop_order WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ShopOrder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Payop confirmed the payment: credit the order. */
    @Transactional
    public void paid(IpnEvent.PaymentAccepted event) {
        int rows = update("UPDATE shop_order SET status = 'PAID', paid_count = paid_count + 1, tx_id = ? WHERE id = ?",
                event.objectId(), event.orderId());
        if (rows != 1) {
            throw new IllegalStateException("no order " + event.orderId());
        }
    }

    /** Refund, payment failure, withdrawal or anomaly: recorded for the shop's staff. */
    @Transactional
    public void record(IpnEvent event) {
        String detail = event.state().name();
        if (event instanceof IpnEvent.Anomaly a) {
            detail = a.type().name();
        } else if (event instanceof IpnEvent.PaymentFailed f) {
            // The order stays payable: Payop may still accept a later attempt.
            detail = "FAILED:" + f.reason().name();
        } else if (event instanceof IpnEvent.RefundUpdated) {
            // Found by the refunded transaction, not by the refund id: Payop may notify before the
            // staff's refund call below has committed the id it answered.
            update("UPDATE shop_order SET refund_id = ?, refund_status = ? WHERE tx_id = ?", event.objectId(),
                    event.state().name(), event.facts().sourceTransactionId());
        }
        update("INSERT INTO shop_event (id, kind, object_id, order_id, detail) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), event.getClass().getSimpleName(), event.objectId(), event.orderId(),
                detail);
    }

    /** Staff refunds a paid order in full through Payop. */
    @Transactional
    public String refund(String orderId) {
        ShopOrder order = find(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        if (order.txId() == null) {
            throw new IllegalStateException("order " + orderId + " is not paid");
        }
        String refundId = payop.refunds().create(RefundRequest.full(order.txId()));
        // The refund's IPN may have been applied already (see record): its state is newer than REQUESTED.
        update("UPDATE shop_order SET refund_status = CASE WHEN refund_id = ? THEN refund_status ELSE 'REQUESTED' END,"
                + " refund_id = ? WHERE id = ?", refundId, refundId, orderId);
        return refundId;
    }

    /** Staff pays a supplier out of the Payop wallet (PayDo, method 15); returns the withdrawal ids. */
    public String payout(String amount, String currency, String email, String batchKey) {
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("direction", "Supplier payout");
        recipient.put("email", email);
        recipient.put("recipientAccountType", 1);
        MassWithdrawalResult result = payop.withdrawals().createMass(List.of(WithdrawalRequest.of(15,
                Amount.of(amount), CurrencyCode.of(currency), recipient)), batchKey);
        JsonArrayBuilder ids = Json.createArrayBuilder();
        result.withdrawals().forEach(w -> ids.add(w.id()));
        return Json.createObjectBuilder().add("idempotencyKey", result.idempotencyKey()).add("withdrawals", ids)
                .build().toString();
    }

    /** The shop's event log for one Payop object, as JSON. */
    public String events(String objectId) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT kind, object_id, order_id, detail FROM shop_event"
                        + " WHERE object_id = ? ORDER BY kind, detail")) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Json.createObjectBuilder().add("kind", rs.getString(1)).add("objectId", rs.getString(2))
                            .add("orderId", rs.getString(3) == null ? "" : rs.getString(3))
                            .add("detail", rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.build().toString();
    }

    /** The IPN journal's claims for one object (table payop_ipn_claim in the shop's database), as JSON. */
    public String journal(String objectId) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT state_key, status, attempts FROM payop_ipn_claim"
                        + " WHERE object_id = ? ORDER BY state_key")) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Json.createObjectBuilder().add("stateKey", rs.getString(1)).add("status", rs.getString(2))
                            .add("attempts", rs.getInt(3)));
                }
            }
            try (PreparedStatement d = c.prepareStatement("SELECT COUNT(*) FROM payop_ipn_delivery WHERE object_id = ?")) {
                d.setString(1, objectId);
                try (ResultSet rs = d.executeQuery()) {
                    rs.next();
                    return Json.createObjectBuilder().add("claims", out).add("deliveries", rs.getInt(1)).build()
                            .toString();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, String... args) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
