package io.github.payop4j.it.webshop;

import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnHandler;
import jakarta.enterprise.inject.spi.CDI;

/**
 * The IPN servlet's handler, found through {@code META-INF/services/io.github.payop4j.ipn.IpnHandler}
 * (the servlet's CDI-free path). ServiceLoader makes the instance, so it reaches the shop through CDI.
 */
public class ShopIpnHandler implements IpnHandler {

    @Override
    public void handle(IpnEvent event) {
        ShopService shop = CDI.current().select(ShopService.class).get();
        if (event instanceof IpnEvent.PaymentAccepted accepted) {
            shop.paid(accepted);
        } else {
            shop.record(event);
        }
    }
}
