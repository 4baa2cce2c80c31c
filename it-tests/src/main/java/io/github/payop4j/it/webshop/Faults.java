package io.github.payop4j.it.webshop;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test hook: orders whose next credit fails after the shop has written it (so only a rollback undoes it). */
@ApplicationScoped
public class Faults {

    private final Set<String> failNextCredit = ConcurrentHashMap.newKeySet();

    public void failNextCredit(String orderId) {
        failNextCredit.add(orderId);
    }

    boolean takeFailure(String orderId) {
        return failNextCredit.remove(orderId);
    }
}
