package io.github.payop4j.internal.ipn;

import io.github.payop4j.ipn.IpnJournal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The deliveries this processor is working on, one per claimed (object, state), so that a
 * concurrent duplicate on the same node waits briefly for the first one's outcome instead of
 * asking the API again and meeting a busy claim. The wait is bounded in time (the caller's
 * deadline) and in the number of waiting threads, so a slow handler cannot pile up the server's
 * request threads: past either bound the caller answers "retry later".
 */
final class Inflight {

    enum Wait {
        /** The other delivery applied the state, and it is committed. */
        APPLIED,
        /** The other delivery ended without applying this state: try again. */
        NOT_APPLIED,
        /** The deadline passed, or too many threads are waiting already. */
        GAVE_UP
    }

    /** One delivery's hold on a key; {@link #holder} tells whether the caller got it. */
    static final class Slot {
        private final CountDownLatch done = new CountDownLatch(1);
        private final boolean holder;
        private final Slot held;
        private volatile boolean applied;

        private Slot(boolean holder, Slot held) {
            this.holder = holder;
            this.held = held;
        }

        boolean holder() {
            return holder;
        }
    }

    private final ConcurrentHashMap<IpnJournal.Key, Slot> slots = new ConcurrentHashMap<>();
    private final Semaphore waiters;

    Inflight(int maxWaiters) {
        this.waiters = new Semaphore(maxWaiters);
    }

    /** Takes the key, or returns the slot of the delivery that holds it. */
    Slot enter(IpnJournal.Key key) {
        Slot mine = new Slot(true, null);
        Slot other = slots.putIfAbsent(key, mine);
        return other == null ? mine : new Slot(false, other);
    }

    /** Releases a held key; waiters learn whether the state is now applied (and committed). */
    void leave(IpnJournal.Key key, Slot mine, boolean applied) {
        if (mine.holder) {
            mine.applied = applied;
            slots.remove(key, mine);
            mine.done.countDown();
        }
    }

    /** Waits for the holder of a key until {@code deadlineNanos} ({@link System#nanoTime()}). */
    Wait await(Slot waiter, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !waiters.tryAcquire()) {
            return Wait.GAVE_UP;
        }
        try {
            if (!waiter.held.done.await(left, TimeUnit.NANOSECONDS)) {
                return Wait.GAVE_UP;
            }
            return waiter.held.applied ? Wait.APPLIED : Wait.NOT_APPLIED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Wait.GAVE_UP;
        } finally {
            waiters.release();
        }
    }

    /** Reserves a waiting thread for a wait of the caller's own; {@code false} if there is no room. */
    boolean tryWait() {
        return waiters.tryAcquire();
    }

    void doneWaiting() {
        waiters.release();
    }
}
