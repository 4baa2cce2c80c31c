package io.github.payop4j.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.invoice.Payer;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order bean of the README's Jakarta EE section, compiled and run: keep the two in step. */
class ReadmeExampleTest {

    /** What a shop already has. */
    record ShopOrder(String id, BigDecimal total, String currency, String customerEmail, String customerName) {
    }

    interface OrderRepository {
        Optional<ShopOrder> findUnpaid(String id);
    }

    // ---- README ----
    @jakarta.enterprise.context.ApplicationScoped
    public static class ShopOrders implements PayopOrders {
        @jakarta.inject.Inject
        OrderRepository orders;

        @Override
        public Optional<PayopOrder> find(String orderId) {
            return orders.findUnpaid(orderId).map(o -> PayopOrder.of(o.id(), o.total().toPlainString(), o.currency())
                    .withPayer(Payer.withEmail(o.customerEmail()).name(o.customerName())));
        }
    }
    // ---- end ----

    @Test
    void theReadmeOrderBeanWorks() {
        ShopOrders bean = new ShopOrders();
        Map<String, ShopOrder> db = Map.of("1001",
                new ShopOrder("1001", new BigDecimal("49.90"), "EUR", "jane@example.com", "Jane Doe"));
        bean.orders = id -> Optional.ofNullable(db.get(id));
        PayopOrder order = bean.find("1001").orElseThrow();
        assertEquals("49.90", order.amount().value());
        assertEquals("EUR", order.currency().code());
        assertEquals("jane@example.com", order.payer().email());
        assertTrue(bean.find("1002").isEmpty());
    }
}
