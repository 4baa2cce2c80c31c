package io.github.payop4j.ipn.servlet;

import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnHandler;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The shop's handler, found by ServiceLoader as in a WAR without CDI. ServiceLoader makes the
 * instances, so the test observes them through static state (test code only).
 */
public final class ShopHandler implements IpnHandler {

    static final Queue<IpnEvent> APPLIED = new ConcurrentLinkedQueue<>();
    static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();

    @Override
    public void handle(IpnEvent event) {
        if (FAIL_ONCE.remove(event.objectId())) {
            throw new IllegalStateException("connection to shop-db.internal:5432 refused");
        }
        APPLIED.add(event);
    }

    static List<IpnEvent> of(String objectId) {
        return APPLIED.stream().filter(e -> e.objectId().equals(objectId)).toList();
    }
}
