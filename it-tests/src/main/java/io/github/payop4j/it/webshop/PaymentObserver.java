package io.github.payop4j.it.webshop;

import io.github.payop4j.ipn.IpnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The shop's reaction to Payop's IPNs, as CDI events from the adapter's IPN bridge. The observers
 * run in the IPN's container transaction, together with the journal in the same DataSource.
 */
@ApplicationScoped
public class PaymentObserver {

    @Inject
    ShopService shop;

    @Inject
    Faults faults;

    /**
     * Credits the order ({@code @Transactional} REQUIRED: it joins the IPN's transaction), then
     * notifies the warehouse, which the test can make fail: the credit must then be rolled back
     * with the journal's claim, which only happens if both are in one transaction.
     */
    void paid(@Observes IpnEvent.PaymentAccepted event) {
        shop.paid(event);
        if (faults.takeFailure(event.orderId())) {
            throw new IllegalStateException("the warehouse system is down");
        }
    }

    void failed(@Observes IpnEvent.PaymentFailed event) {
        shop.record(event);
    }

    void refund(@Observes IpnEvent.RefundUpdated event) {
        shop.record(event);
    }

    void payout(@Observes IpnEvent.WithdrawalUpdated event) {
        shop.record(event);
    }

    void alarm(@Observes IpnEvent.Anomaly event) {
        shop.record(event);
    }
}
