package io.github.payop4j.internal.ipn;

import io.github.payop4j.ipn.IpnEvent.Anomaly;
import io.github.payop4j.ipn.IpnFacts;
import io.github.payop4j.ipn.IpnOrderLookup;
import java.util.Optional;

/**
 * Compares an accepted payment with the shop's own order before it may count as paid. Runs only
 * for the delivery that holds the claim of the confirmed state, inside its transaction: a
 * repeated or racing delivery of a state that is (or becomes) applied never gets here, so the
 * shop's answer for an order that was paid a moment ago cannot turn a duplicate into an anomaly.
 */
final class OrderCheck {

    private final IpnOrderLookup lookup;

    OrderCheck(IpnOrderLookup lookup) {
        this.lookup = lookup;
    }

    /** The anomaly that stops the payment, or {@code null} when it matches the order. */
    Anomaly check(IpnFacts f) {
        if (f.orderId() == null) {
            return new Anomaly(f, Anomaly.Type.UNKNOWN_ORDER, "the payment names no order");
        }
        Optional<IpnOrderLookup.Order> found;
        try {
            found = lookup.find(f.orderId());
        } catch (Exception e) {
            throw new LookupFailure(e);
        }
        if (found == null || found.isEmpty()) {
            return new Anomaly(f, Anomaly.Type.UNKNOWN_ORDER, "the shop has no order " + f.orderId());
        }
        IpnOrderLookup.Order order = found.get();
        if (order.paidByTransaction() != null && !order.paidByTransaction().equals(f.objectId())) {
            return Events.alreadyPaid(f, order.paidByTransaction());
        }
        if (f.amount() == null && !f.confirmedWithApi()) {
            // A checkout IPN carries no amount; only the API can supply one. Nothing to compare.
            return null;
        }
        if (!Decimals.sameCurrency(f.currency(), order.currency())) {
            return new Anomaly(f, Anomaly.Type.CURRENCY_MISMATCH, "currency differs: Payop " + f.currency()
                    + ", order " + order.currency());
        }
        if (!Decimals.sameAmount(f.amount(), order.amount())) {
            return new Anomaly(f, Anomaly.Type.AMOUNT_MISMATCH, "amount differs: Payop " + f.amount() + ", order "
                    + order.amount());
        }
        return null;
    }

    /** The shop's lookup threw; unchecked so that it passes through the shop's transaction runner. */
    static final class LookupFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LookupFailure(Exception cause) {
            super("the shop's order lookup failed: " + cause.getClass().getName(), cause);
        }

        static LookupFailure find(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof LookupFailure f) {
                    return f;
                }
            }
            return null;
        }
    }
}
