package io.github.payop4j.demo.shop;

import io.github.payop4j.ipn.IpnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The shop's reaction to Payop's IPNs: the README's observer. Each method runs inside the IPN's
 * container transaction, once per (object, state), after Payop's API confirmed it; a throw rolls
 * back the shop's writes and the journal's claim together, and Payop's retry runs it again.
 */
@ApplicationScoped
public class PaymentObserver {

    @Inject
    Orders orders;

    @Inject
    Payouts payouts;

    @Inject
    IpnLog ipnLog;

    void paid(@Observes IpnEvent.PaymentAccepted e) {
        orders.markPaid(e.facts().orderId(), e.facts().objectId());
    }

    void pending(@Observes IpnEvent.PaymentPending e) {
        orders.markPending(e.facts().orderId());
    }

    void failed(@Observes IpnEvent.PaymentFailed e) {
        String why = e.facts().errorMessage();
        orders.markFailed(e.facts().orderId(), why == null ? e.reason().name() : why);
    }

    void refund(@Observes IpnEvent.RefundUpdated e) {
        orders.refundUpdated(e.facts().objectId(), e.facts().sourceTransactionId(), e.facts().amount(), e.state());
    }

    void payout(@Observes IpnEvent.WithdrawalUpdated e) {
        payouts.updated(e.facts().objectId(), e.state(), e.facts().amount(), e.facts().currency());
    }

    void alarm(@Observes IpnEvent.Anomaly e) {
        orders.flagForReview(e.facts().orderId(), e.type().name());
    }

    /** Every event, anomalies included, for the order page's history. */
    void journal(@Observes IpnEvent e) {
        ipnLog.record(e);
    }
}
