package io.github.payop4j.internal.ipn.journal;

import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link IpnJournal} in memory, indexed by object: a lookup or claim touches one hash bucket and
 * locks only the claims of its own object, so the cost does not grow with the number of claims
 * and deliveries of different objects never wait for each other.
 *
 * <p>Bounded: the newest {@value #MAX_ENTRIES} entries, and the claims of at most
 * {@value #MAX_OBJECTS} objects, each kept for {@link #RETENTION} after its last claim (Payop
 * repeats an IPN for 24 hours, so a repeat within that window is still a duplicate). Past the cap
 * the least recently claimed object is forgotten first; eviction is amortised O(1) per new object.
 * The {@link Ledger} beside it ({@link InMemoryLedger}) is bounded the same way.
 */
public final class InMemoryJournal implements IpnJournal {

    static final int MAX_ENTRIES = 10_000;
    static final int MAX_OBJECTS = 100_000;
    /**
     * How long claims are kept at least, here and by {@code IpnProcessor.purge()} on every journal:
     * Payop repeats an IPN for 24 hours, so a repeat within that window is still a duplicate.
     */
    public static final Duration RETENTION = Duration.ofHours(48);

    private final int maxObjects;
    private final int maxEntries;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<ObjectRef, ObjectClaims> objects = new ConcurrentHashMap<>();
    /** Objects in the order they were created; a still active one is re-queued instead of evicted. */
    private final ConcurrentLinkedQueue<ObjectRef> objectOrder = new ConcurrentLinkedQueue<>();
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> entryOrder = new ConcurrentLinkedQueue<>();
    private final InMemoryLedger ledger;

    public InMemoryJournal() {
        this(MAX_OBJECTS, MAX_ENTRIES);
    }

    /** Smaller caps (tests of eviction). */
    public InMemoryJournal(int maxObjects, int maxEntries) {
        if (maxObjects < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("caps must be positive");
        }
        this.maxObjects = maxObjects;
        this.maxEntries = maxEntries;
        this.ledger = new InMemoryLedger(maxObjects, this);
    }

    Ledger ledger() {
        return ledger;
    }

    @Override
    public long newEntryId() {
        return nextId.getAndIncrement();
    }

    @Override
    public void record(Entry e) {
        Objects.requireNonNull(e, "entry");
        if (e.id() <= 0) {
            throw new IllegalArgumentException("entry id must come from newEntryId()");
        }
        Long id = e.id(); // boxed once, for the map and the queue
        if (entries.put(id, e) == null) {
            entryOrder.add(id);
            while (entries.size() > maxEntries) {
                Long eldest = entryOrder.poll();
                if (eldest == null) {
                    break;
                }
                entries.remove(eldest);
            }
        }
    }

    @Override
    public Optional<Claim> find(Key key) {
        ObjectClaims o = objects.get(new ObjectRef(key.kind(), key.objectId()));
        return o == null ? Optional.empty() : Optional.ofNullable(o.get(key.stateKey()));
    }

    @Override
    public ClaimAttempt claim(Key key, long entryId, Instant now, Duration lease) {
        ObjectRef ref = new ObjectRef(key.kind(), key.objectId());
        ObjectClaims o = objects.get(ref);
        if (o == null) {
            ObjectClaims created = new ObjectClaims(now);
            o = objects.putIfAbsent(ref, created);
            if (o == null) {
                o = created;
                objectOrder.add(ref);
                evict(now);
            }
        }
        return o.claim(key.stateKey(), entryId, now, lease);
    }

    /** Forgets objects past the retention window or over the cap, oldest first; a few per new object. */
    private void evict(Instant now) {
        Instant horizon = now.minus(RETENTION);
        for (int budget = 4; budget > 0; budget--) {
            ObjectRef eldest = objectOrder.peek();
            if (eldest == null) {
                return;
            }
            ObjectClaims o = objects.get(eldest);
            if (o != null && objects.size() <= maxObjects && o.lastClaimed().isAfter(horizon)) {
                return; // the eldest is still in use and there is room
            }
            ObjectRef polled = objectOrder.poll();
            ObjectClaims p = polled == null ? null : objects.get(polled);
            if (p == null) {
                continue;
            }
            if (objects.size() <= maxObjects && p.lastClaimed().isAfter(horizon)) {
                objectOrder.add(polled); // claimed again lately: keep it, look at it again later
            } else {
                objects.remove(polled, p);
            }
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
        ObjectClaims o = objects.get(new ObjectRef(key.kind(), key.objectId()));
        if (o != null) {
            o.mark(key.stateKey(), entryId, status);
        }
    }

    @Override
    public List<Claim> claims(IpnKind kind, String objectId) {
        ObjectClaims o = objects.get(new ObjectRef(kind, objectId));
        return o == null ? List.of() : o.all();
    }

    /** Diagnostics only: scans the retained entries. */
    @Override
    public List<Entry> entries(IpnKind kind, String objectId) {
        return entries.values().stream().filter(e -> e.kind() == kind && e.objectId().equals(objectId))
                .sorted(Comparator.comparingLong(Entry::id)).toList();
    }

    @Override
    public Optional<Entry> entry(long entryId) {
        return Optional.ofNullable(entries.get(entryId));
    }

    /** Scans the retained entries (at most {@value #MAX_ENTRIES}). */
    @Override
    public List<Entry> entries(IpnOutcome outcome, int limit) {
        Objects.requireNonNull(outcome, "outcome");
        return entries.values().stream().filter(e -> e.outcome() == outcome)
                .sorted(Comparator.comparingLong(Entry::id).reversed()).limit(Limits.check(limit)).toList();
    }

    /** Scans every object: for an operator's occasional look, not for the IPN path. */
    @Override
    public List<Key> processing(Instant claimedBefore, int limit) {
        Limits.check(limit);
        List<Map.Entry<Key, Instant>> found = new ArrayList<>();
        objects.forEach((ref, o) -> o.processingBefore(claimedBefore).forEach((stateKey, at) ->
                found.add(Map.entry(new Key(ref.kind(), ref.objectId(), stateKey), at))));
        return found.stream().sorted(Map.Entry.comparingByValue()).limit(limit).map(Map.Entry::getKey).toList();
    }

    @Override
    public boolean reopen(Key key, long entryId, Instant now) {
        ObjectClaims o = objects.get(new ObjectRef(key.kind(), key.objectId()));
        return o != null && o.reopen(key.stateKey(), entryId);
    }

    @Override
    public Purged purge(Instant deliveriesBefore, Instant claimsBefore) {
        int deliveries = 0;
        for (Entry e : List.copyOf(entries.values())) {
            if (e.receivedAt().isBefore(deliveriesBefore) && entries.remove(e.id(), e)) {
                deliveries++;
            }
        }
        int claims = 0;
        for (Map.Entry<ObjectRef, ObjectClaims> o : List.copyOf(objects.entrySet())) {
            if (o.getValue().lastClaimed().isBefore(claimsBefore) && objects.remove(o.getKey(), o.getValue())) {
                claims += o.getValue().all().size();
            }
        }
        // One pass over each queue, not a remove(...) per purged element: that scanned the whole
        // queue every time, and purging 100,000 objects took 23 s. (An entry or object goes into
        // its map before its id or ref goes into the queue, so a live one is never dropped here.)
        if (deliveries > 0) {
            entryOrder.removeIf(id -> !entries.containsKey(id));
        }
        if (claims > 0) {
            objectOrder.removeIf(ref -> !objects.containsKey(ref));
        }
        return new Purged(deliveries, claims, ledger.purge(claimsBefore));
    }

    /** How many objects have claims here (tests of the bound). */
    public int objectCount() {
        return objects.size();
    }

    @Override
    public String toString() {
        return "IpnJournal.inMemory()";
    }

    private record ObjectRef(IpnKind kind, String objectId) {
    }

    /**
     * The claims of one object, guarded by its own monitor. An array, not a map: an object has one
     * or two states in its life, and with 100,000 objects retained every object per claim counts
     * (a map cost four more per object, all of them for the garbage collector to trace).
     */
    private static final class ObjectClaims {
        private static final Claim[] NONE = new Claim[0];

        private Claim[] claims = NONE;
        private volatile Instant lastClaimed;

        ObjectClaims(Instant created) {
            this.lastClaimed = created;
        }

        Instant lastClaimed() {
            return lastClaimed;
        }

        private int indexOf(String stateKey) {
            for (int i = 0; i < claims.length; i++) {
                if (claims[i].stateKey().equals(stateKey)) {
                    return i;
                }
            }
            return -1;
        }

        private void put(int index, Claim claim) {
            if (index < 0) {
                claims = Arrays.copyOf(claims, claims.length + 1);
                index = claims.length - 1;
            }
            claims[index] = claim;
        }

        synchronized Claim get(String stateKey) {
            int i = indexOf(stateKey);
            return i < 0 ? null : claims[i];
        }

        synchronized ClaimAttempt claim(String stateKey, long entryId, Instant now, Duration lease) {
            int i = indexOf(stateKey);
            Claim current = i < 0 ? null : claims[i];
            ClaimAttempt.Result result;
            if (current == null) {
                put(i, new Claim(stateKey, ClaimStatus.PROCESSING, entryId, now, 1));
                result = ClaimAttempt.Result.CLAIMED;
            } else if (current.status() == ClaimStatus.APPLIED) {
                result = ClaimAttempt.Result.ALREADY_APPLIED;
            } else if (current.status() == ClaimStatus.PROCESSING && current.claimedAt().isAfter(now.minus(lease))) {
                result = ClaimAttempt.Result.BUSY;
            } else {
                put(i, new Claim(stateKey, ClaimStatus.PROCESSING, entryId, now, current.attempts() + 1));
                result = ClaimAttempt.Result.CLAIMED;
            }
            if (now.isAfter(lastClaimed)) {
                lastClaimed = now;
            }
            return new ClaimAttempt(result, Arrays.asList(claims)); // copied by ClaimAttempt
        }

        synchronized void mark(String stateKey, long entryId, ClaimStatus status) {
            int i = indexOf(stateKey);
            Claim c = i < 0 ? null : claims[i];
            if (c != null && c.entryId() == entryId && c.status() == ClaimStatus.PROCESSING) {
                claims[i] = new Claim(stateKey, status, entryId, c.claimedAt(), c.attempts());
            }
        }

        synchronized List<Claim> all() {
            return List.of(claims);
        }

        synchronized Map<String, Instant> processingBefore(Instant before) {
            Map<String, Instant> out = new HashMap<>(2);
            for (Claim c : claims) {
                if (c.status() == ClaimStatus.PROCESSING && c.claimedAt().isBefore(before)) {
                    out.put(c.stateKey(), c.claimedAt());
                }
            }
            return out;
        }

        synchronized boolean reopen(String stateKey, long entryId) {
            int i = indexOf(stateKey);
            Claim c = i < 0 ? null : claims[i];
            if (c == null || c.entryId() != entryId || c.status() != ClaimStatus.APPLIED) {
                return false;
            }
            claims[i] = new Claim(stateKey, ClaimStatus.FAILED, entryId, c.claimedAt(), c.attempts());
            return true;
        }
    }
}
