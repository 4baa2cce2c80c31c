package io.github.payop4j.internal.ipn;

import io.github.payop4j.ipn.IpnJournal;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The (object, state) keys this processor recently saw APPLIED, so that Payop's repeats during a
 * burst are answered without even the one journal read. APPLIED is final in every journal, so a
 * remembered key is true on every node; what is not remembered is simply read. Two generations
 * bound it in size and age: a key lives between {@code maxAge} and twice that, and at most
 * {@code 2 * perGeneration} keys are held. The age bound limits how long a claim reset by hand
 * (a manual re-drive in the database) may still be answered "duplicate" by a node that saw it.
 */
final class AppliedKeys {

    private final int perGeneration;
    private final long maxAgeNanos;
    private volatile Generation current;
    private volatile Generation previous;

    private static final class Generation {
        final ConcurrentHashMap<IpnJournal.Key, Boolean> keys = new ConcurrentHashMap<>();
        final long started = System.nanoTime();
    }

    AppliedKeys(int perGeneration, long maxAgeNanos) {
        this.perGeneration = perGeneration;
        this.maxAgeNanos = maxAgeNanos;
        this.current = new Generation();
        this.previous = new Generation();
    }

    boolean contains(IpnJournal.Key key) {
        Generation c = rotateIfDue();
        if (c.keys.containsKey(key)) {
            return true;
        }
        return previous.keys.containsKey(key); // not carried forward: the age bound stays a bound
    }

    /** Forgets a key whose claim an operator reopened, so this node does not answer it "duplicate". */
    void remove(IpnJournal.Key key) {
        current.keys.remove(key);
        previous.keys.remove(key);
    }

    void add(IpnJournal.Key key) {
        rotateIfDue().keys.put(key, Boolean.TRUE);
    }

    private Generation rotateIfDue() {
        Generation c = current;
        if (c.keys.size() < perGeneration && System.nanoTime() - c.started < maxAgeNanos) {
            return c;
        }
        synchronized (this) {
            if (current == c) {
                previous = c;
                current = new Generation();
            }
            return current;
        }
    }
}
