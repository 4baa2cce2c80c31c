package io.github.payop4j.internal.ipn.journal;

import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link IpnJournal} in memory. One lock makes every operation atomic, which is all the
 * exactly-once logic needs on one node. Entries are capped (oldest dropped) so a long-running
 * JVM does not fill up with bodies; claims are small and kept.
 */
public final class InMemoryJournal implements IpnJournal {

    static final int MAX_ENTRIES = 10_000;

    private final Object lock = new Object();
    private long nextId = 1;
    private final Map<Long, Entry> entries = new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final Map<Key, Claim> claims = new HashMap<>();

    @Override
    public long record(Entry e) {
        Objects.requireNonNull(e, "entry");
        synchronized (lock) {
            long id = nextId++;
            entries.put(id, new Entry(id, e.receivedAt(), e.sourceAddress(), e.kind(), e.objectId(), e.invoiceId(),
                    e.orderId(), e.state(), e.stateCode(), e.body(), null, null));
            return id;
        }
    }

    @Override
    public void finish(long entryId, IpnOutcome outcome, String detail, Instant at) {
        synchronized (lock) {
            Entry e = entries.get(entryId);
            if (e != null) {
                entries.put(entryId, new Entry(e.id(), e.receivedAt(), e.sourceAddress(), e.kind(), e.objectId(),
                        e.invoiceId(), e.orderId(), e.state(), e.stateCode(), e.body(), outcome, detail));
            }
        }
    }

    @Override
    public ClaimAttempt claim(Key key, long entryId, Instant now, Duration lease) {
        synchronized (lock) {
            Claim current = claims.get(key);
            ClaimAttempt.Result result;
            if (current == null) {
                claims.put(key, new Claim(key.stateKey(), ClaimStatus.PROCESSING, entryId, now, 1));
                result = ClaimAttempt.Result.CLAIMED;
            } else if (current.status() == ClaimStatus.APPLIED) {
                result = ClaimAttempt.Result.ALREADY_APPLIED;
            } else if (current.status() == ClaimStatus.PROCESSING && current.claimedAt().isAfter(now.minus(lease))) {
                result = ClaimAttempt.Result.BUSY;
            } else {
                claims.put(key, new Claim(key.stateKey(), ClaimStatus.PROCESSING, entryId, now,
                        current.attempts() + 1));
                result = ClaimAttempt.Result.CLAIMED;
            }
            return new ClaimAttempt(result, claimsOf(key.kind(), key.objectId()));
        }
    }

    @Override
    public void markApplied(Key key, long entryId, Instant now) {
        mark(key, entryId, ClaimStatus.APPLIED);
    }

    @Override
    public void markFailed(Key key, long entryId, Instant now) {
        mark(key, entryId, ClaimStatus.FAILED);
    }

    private void mark(Key key, long entryId, ClaimStatus status) {
        synchronized (lock) {
            Claim c = claims.get(key);
            if (c != null && c.entryId() == entryId && c.status() == ClaimStatus.PROCESSING) {
                claims.put(key, new Claim(c.stateKey(), status, entryId, c.claimedAt(), c.attempts()));
            }
        }
    }

    @Override
    public List<Claim> claims(IpnKind kind, String objectId) {
        synchronized (lock) {
            return claimsOf(kind, objectId);
        }
    }

    private List<Claim> claimsOf(IpnKind kind, String objectId) {
        List<Claim> out = new ArrayList<>();
        claims.forEach((k, c) -> {
            if (k.kind() == kind && k.objectId().equals(objectId)) {
                out.add(c);
            }
        });
        return out;
    }

    @Override
    public List<Entry> entries(IpnKind kind, String objectId) {
        synchronized (lock) {
            return entries.values().stream().filter(e -> e.kind() == kind && e.objectId().equals(objectId)).toList();
        }
    }

    @Override
    public Optional<Entry> entry(long entryId) {
        synchronized (lock) {
            return Optional.ofNullable(entries.get(entryId));
        }
    }

    /** Every entry, oldest first (tests and diagnostics). */
    public List<Entry> allEntries() {
        synchronized (lock) {
            return List.copyOf(entries.values());
        }
    }

    /** Every claim (tests and diagnostics). */
    public Map<Key, Claim> allClaims() {
        synchronized (lock) {
            return Map.copyOf(claims);
        }
    }

    @Override
    public String toString() {
        return "IpnJournal.inMemory()";
    }
}
