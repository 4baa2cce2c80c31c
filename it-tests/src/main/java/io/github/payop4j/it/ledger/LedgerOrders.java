package io.github.payop4j.it.ledger;

import io.github.payop4j.ipn.IpnOrderLookup;
import java.util.Optional;

/**
 * The shop's orders for the IPN pipeline's amount check. Order ids carry their price:
 * {@code <anything>_<amount>_<currency>}, e.g. {@code o-7_12.50_EUR}; other ids are unknown orders.
 */
public class LedgerOrders implements IpnOrderLookup {

    @Override
    public Optional<Order> find(String orderId) {
        String[] parts = orderId.split("_");
        if (parts.length != 3) {
            return Optional.empty();
        }
        return Optional.of(new Order(parts[1], parts[2]));
    }
}
