package io.github.payop4j.reliability.shop;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How often IPN verification asked the shop for each order, on this node since deployment. */
@ApplicationScoped
public class IpnLookups {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    void count(String orderId) {
        calls.computeIfAbsent(orderId, k -> new AtomicInteger()).incrementAndGet();
    }

    /** {@code calls orders max}: all lookups, distinct orders asked about, most lookups of one order. */
    public String summary() {
        int total = 0;
        int max = 0;
        for (AtomicInteger n : calls.values()) {
            total += n.get();
            max = Math.max(max, n.get());
        }
        return total + " " + calls.size() + " " + max;
    }
}
