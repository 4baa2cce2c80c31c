package io.github.payop4j.ipn;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records the events it applied; can fail the next n calls or take its time, like a shop's database. */
final class RecordingHandler implements IpnHandler {

    final List<IpnEvent> applied = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger failNext = new AtomicInteger();
    volatile long delayMillis;

    @Override
    public void handle(IpnEvent event) throws Exception {
        calls.incrementAndGet();
        if (delayMillis > 0) {
            Thread.sleep(delayMillis);
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("shop database unavailable");
        }
        applied.add(event);
    }

    long count(Class<? extends IpnEvent> type) {
        return applied.stream().filter(type::isInstance).count();
    }

    List<IpnEvent> of(String objectId) {
        return applied.stream().filter(e -> e.objectId().equals(objectId)).toList();
    }
}
