package io.github.payop4j.it.ledger;

import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IPN servlet's handler, registered in {@code META-INF/services/io.github.payop4j.ipn.IpnHandler}.
 * An order id starting with {@value #FLAKY} fails the first time it is credited (the shop's
 * database "down"), so the test can watch Payop's retry.
 */
public class LedgerHandler implements IpnHandler {

    public static final String FLAKY = "flaky-";

    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    @Override
    public void handle(IpnEvent event) {
        if (event instanceof IpnEvent.PaymentAccepted && event.orderId() != null
                && event.orderId().startsWith(FLAKY) && FAILED_ONCE.add(event.objectId())) {
            throw new IllegalStateException("the shop's database is down");
        }
        String detail = event instanceof IpnEvent.Anomaly a ? a.type().name() : event.state().name();
        Ledger.add(event.getClass().getSimpleName(), event.objectId(), event.orderId(), detail);
    }
}
