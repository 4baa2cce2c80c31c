package io.github.payop4j.internal.ipn;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.github.payop4j.PayopClient;
import io.github.payop4j.error.PayopException;
import io.github.payop4j.internal.ipn.journal.Ledger;
import io.github.payop4j.ipn.IpnEvent.Anomaly;
import io.github.payop4j.refund.RefundRequest;
import java.time.Clock;

/**
 * The opt-in refund of a double payment: the second transaction is refunded in full, once. A
 * refund is money leaving the shop, so it is sent only after the anomaly is committed, only by the
 * one caller that claims it in the ledger (a repeat, a re-drive, a second node find the claim
 * taken), and never sent again automatically: not after a refusal, and not when the outcome of
 * the request is unknown (a timeout), where only the Payop dashboard can tell.
 */
final class DoublePaymentRefunds {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");

    private final PayopClient client;
    private final Ledger ledger;
    private final Clock clock;

    DoublePaymentRefunds(PayopClient client, Ledger ledger, Clock clock) {
        this.client = client;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Refunds {@code anomaly}'s transaction if nobody has claimed that refund yet; never throws. */
    void refund(Anomaly anomaly) {
        String tx = anomaly.objectId();
        try {
            if (!ledger.claimRefund(tx, anomaly.orderId(), anomaly.paidByTransaction(), clock.instant())) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(ERROR, "PAYOP-IPN-023 Could not claim the refund of the double payment " + tx + " of order "
                    + anomaly.orderId() + "; it is not refunded automatically: refund it by hand", e);
            return;
        }
        String state;
        String refundId = null;
        String detail;
        try {
            refundId = client.refunds().create(RefundRequest.full(tx));
            state = "REQUESTED";
            detail = "refund " + refundId + " requested";
            LOG.log(INFO, "PAYOP-IPN-022 Double payment of order " + anomaly.orderId() + ": transaction " + tx
                    + " (the order was paid by " + anomaly.paidByTransaction() + ") is being refunded, refund "
                    + refundId);
        } catch (PayopException e) {
            state = e.requestMayHaveTakenEffect() ? "UNKNOWN" : "REFUSED";
            detail = e.getMessage();
            LOG.log(ERROR, "PAYOP-IPN-023 The refund of the double payment " + tx + " of order " + anomaly.orderId()
                    + (state.equals("UNKNOWN") ? " may or may not have been created (" : " was refused (")
                    + e.getClass().getSimpleName() + "): it is not sent again; check the transaction in the Payop"
                    + " dashboard and refund it there if needed. " + e.getMessage());
        } catch (RuntimeException e) {
            state = "UNKNOWN";
            detail = e.getClass().getSimpleName();
            LOG.log(ERROR, "PAYOP-IPN-023 The refund of the double payment " + tx + " failed; it is not sent again:"
                    + " check the transaction in the Payop dashboard", e);
        }
        try {
            ledger.refundOutcome(tx, state, refundId, detail, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(WARNING, "PAYOP-IPN-023 Could not record the refund outcome " + state + " of " + tx
                    + " (its claim stays, so it is not sent again)", e);
        }
    }
}
