package io.github.payop4j.internal.ipn;

import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnFacts;

/** The event for a confirmed, known state. */
final class Events {

    private Events() {
    }

    /** A second payment of an order that {@code payer}, another transaction, paid already. */
    static IpnEvent.Anomaly alreadyPaid(IpnFacts f, String payer) {
        return new IpnEvent.Anomaly(f, IpnEvent.Anomaly.Type.ALREADY_PAID, "order " + f.orderId()
                + " was already paid by transaction " + payer + "; transaction " + f.objectId() + " paid it again",
                payer);
    }

    static IpnEvent of(IpnFacts f) {
        switch (f.kind()) {
            case REFUND:
                return new IpnEvent.RefundUpdated(f);
            case WITHDRAWAL:
                return new IpnEvent.WithdrawalUpdated(f);
            default:
                break;
        }
        switch (f.state()) {
            case ACCEPTED:
                return new IpnEvent.PaymentAccepted(f);
            case FAILED:
                return new IpnEvent.PaymentFailed(f, IpnEvent.PaymentFailed.Reason.FAILED);
            case TIMEOUT:
                return new IpnEvent.PaymentFailed(f, IpnEvent.PaymentFailed.Reason.TIMEOUT);
            case REJECTED:
                return new IpnEvent.PaymentFailed(f, IpnEvent.PaymentFailed.Reason.REJECTED);
            default:
                return new IpnEvent.PaymentPending(f); // new, pending, pre-approved: not paid
        }
    }
}
