package io.github.payop4j.jaxrs.ipn;

import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Hands every IPN outcome to the shop as a CDI event. Observe the type you care about:
 * <pre>{@code
 * void paid(@Observes IpnEvent.PaymentAccepted e) { orders.markPaid(e.facts().orderId()); }
 * void failed(@Observes IpnEvent.PaymentFailed e) { ... e.reason() ... }
 * void refund(@Observes IpnEvent.RefundUpdated e) { ... }
 * void payout(@Observes IpnEvent.WithdrawalUpdated e) { ... }
 * void alarm(@Observes IpnEvent.Anomaly e) { ... e.type() ... }
 * }</pre>
 * Observers run synchronously, inside the IPN's transaction; an observer that throws rolls it
 * back and makes the IPN answer 500, so Payop sends it again and the retry runs the observers again.
 */
@ApplicationScoped
public class CdiIpnHandler implements IpnHandler {

    private final Event<IpnEvent> events;

    /** For the CDI proxy only. */
    protected CdiIpnHandler() {
        this.events = null;
    }

    @Inject
    public CdiIpnHandler(Event<IpnEvent> events) {
        this.events = events;
    }

    @Override
    public void handle(IpnEvent event) {
        // CDI resolves observers by the event's runtime type: PaymentAccepted, Anomaly, ...
        events.fire(event);
    }
}
