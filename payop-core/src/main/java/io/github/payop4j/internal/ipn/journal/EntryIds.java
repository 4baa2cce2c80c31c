package io.github.payop4j.internal.ipn.journal;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery ids made without a round trip to the database, so a delivery row can be written once,
 * with its outcome, at the end. Layout (63 bits, always positive): milliseconds since 2026-01-01
 * (41 bits, until 2095), a random node number drawn per journal instance (12 bits), a sequence
 * within the millisecond (10 bits; when it runs out the next millisecond is borrowed). Ids of one
 * instance strictly increase; ids of two instances collide only if they drew the same node
 * number (1 in 4096) and used the same millisecond and sequence, and the database's primary key
 * then refuses the second row, which the processor answers "retry later". Ids from the identity
 * column of older versions are far smaller, so rows keep their order.
 */
final class EntryIds {

    private static final long EPOCH_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final int SEQUENCE_BITS = 10;
    private static final int NODE_BITS = 12;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final long node;
    private final AtomicLong last = new AtomicLong();

    EntryIds() {
        this.node = new SecureRandom().nextInt(1 << NODE_BITS);
    }

    long next() {
        while (true) {
            long prev = last.get();
            long millis = Math.max(1, System.currentTimeMillis() - EPOCH_MILLIS);
            long prevMillis = prev >>> (SEQUENCE_BITS + NODE_BITS);
            long id;
            if (millis > prevMillis) {
                id = compose(millis, 0);
            } else if ((prev & SEQUENCE_MASK) < SEQUENCE_MASK) {
                id = prev + 1;
            } else {
                id = compose(prevMillis + 1, 0);
            }
            if (last.compareAndSet(prev, id)) {
                return id;
            }
        }
    }

    private long compose(long millis, long sequence) {
        return millis << (SEQUENCE_BITS + NODE_BITS) | node << SEQUENCE_BITS | sequence;
    }
}
