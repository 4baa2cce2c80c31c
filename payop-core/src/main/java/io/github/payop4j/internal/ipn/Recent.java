package io.github.payop4j.internal.ipn;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What a processor saw lately, bounded in size and age by two generations: an entry lives between
 * {@code maxAge} and twice that, and at most {@code 2 * perGeneration} entries are held. Used for
 * the (object, state) keys recently seen APPLIED, so that Payop's repeats during a burst are
 * answered without even the one journal read (APPLIED is final in every journal, so a remembered
 * key is true on every node; what is not remembered is simply read), and for the bodies of those
 * repeats (see {@link IpnBody}). The age bound limits how long a claim reset by hand (a manual
 * re-drive in the database) may still be answered "duplicate" by a node that saw it.
 */
final class Recent<K, V> {

    private final int perGeneration;
    private final long maxAgeNanos;
    private volatile Generation<K, V> current;
    private volatile Generation<K, V> previous;

    private static final class Generation<K, V> {
        final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
        final long started = System.nanoTime();
    }

    Recent(int perGeneration, long maxAgeNanos) {
        this.perGeneration = perGeneration;
        this.maxAgeNanos = maxAgeNanos;
        this.current = new Generation<>();
        this.previous = new Generation<>();
    }

    V get(K key) {
        V v = rotateIfDue().entries.get(key);
        return v != null ? v : previous.entries.get(key); // not carried forward: the age bound stays a bound
    }

    boolean contains(K key) {
        return get(key) != null;
    }

    /** Forgets a key (a claim an operator reopened, so this node does not answer it "duplicate"). */
    void remove(K key) {
        current.entries.remove(key);
        previous.entries.remove(key);
    }

    void put(K key, V value) {
        rotateIfDue().entries.put(key, value);
    }

    private Generation<K, V> rotateIfDue() {
        Generation<K, V> c = current;
        if (c.entries.size() < perGeneration && System.nanoTime() - c.started < maxAgeNanos) {
            return c;
        }
        synchronized (this) {
            if (current == c) {
                previous = c;
                current = new Generation<>();
            }
            return current;
        }
    }
}
