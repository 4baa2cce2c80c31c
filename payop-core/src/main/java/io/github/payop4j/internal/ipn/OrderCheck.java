package io.github.payop4j.internal.ipn;

import io.github.payop4j.ipn.IpnEvent.Anomaly;
import io.github.payop4j.ipn.IpnFacts;
import io.github.payop4j.ipn.IpnOrderLookup;
import java.util.Optional;

/** Compares an accepted payment with the shop's own order before it may count as paid. */
final class OrderCheck {

    private final IpnOrderLookup lookup;

    OrderCheck(IpnOrderLookup lookup) {
        this.lookup = lookup;
    }

    /** The anomaly that stops the payment, or {@code null} when it matches the order. */
    Anomaly check(IpnFacts f) throws LookupFailure {
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

    static final class LookupFailure extends Exception {
        private static final long serialVersionUID = 1L;

        LookupFailure(Exception cause) {
            super(cause);
        }
    }
}
