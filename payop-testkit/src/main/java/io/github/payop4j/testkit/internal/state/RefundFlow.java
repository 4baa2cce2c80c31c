package io.github.payop4j.testkit.internal.state;

import jakarta.json.JsonObject;
import java.math.BigDecimal;

/**
 * Refunds of accepted payments. The sum of a payment's refunds (all but rejected ones) can never
 * exceed its amount; the money leaves the wallet when the refund is created.
 */
public final class RefundFlow {

    /** Payop's 422 text when a refund would exceed what is left of the payment. */
    public static final String TOO_BIG = "Refund amount is bigger than transaction amount";

    private final Store store;

    public RefundFlow(Store store) {
        this.store = store;
    }

    /** The outcome of a refund request: the refund, or the reason it was refused. */
    public record Result(RefundState refund, String refusal) {
    }

    /** @param amount the partial amount, or null for a full refund of what is left */
    public Result create(Payment payment, String amount, JsonObject metadata) {
        synchronized (store) {
            if (payment.state != Payment.ACCEPTED) {
                return new Result(null, "Only accepted transactions can be refunded");
            }
            BigDecimal total = new BigDecimal(payment.invoice.amount);
            BigDecimal left = total.subtract(payment.refunded);
            BigDecimal wanted = amount == null ? left : new BigDecimal(amount);
            if (wanted.signum() <= 0 || wanted.compareTo(left) > 0) {
                return new Result(null, TOO_BIG);
            }
            String currency = payment.invoice.currency;
            if (!store.wallet.debit(currency, wanted)) {
                return new Result(null, "Insufficient funds in the wallet for this refund");
            }
            payment.refunded = payment.refunded.add(wanted);
            RefundState r = new RefundState(Store.newId(), payment,
                    amount == null ? wanted.toPlainString() : amount, metadata, Store.now());
            store.refunds.put(r.id, r);
            long delay = store.settings.settleDelay().toMillis();
            if (delay == 0) {
                settle(r, true);
            } else {
                store.notifier.later(delay, () -> settle(r, true));
            }
            return new Result(r, null);
        }
    }

    /** Accepts or rejects a new refund; a rejected one gives the money back to the payment and wallet. */
    public void settle(RefundState r, boolean accepted) {
        synchronized (store) {
            if (r.status != RefundState.NEW) {
                return;
            }
            r.status = accepted ? RefundState.ACCEPTED : RefundState.REJECTED;
            if (!accepted) {
                BigDecimal amount = new BigDecimal(r.amount);
                r.source.refunded = r.source.refunded.subtract(amount);
                store.wallet.credit(r.source.invoice.currency, amount);
            }
            store.notifier.refundChanged(r);
        }
    }
}
