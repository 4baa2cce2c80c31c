package io.github.payop4j.internal.ipn;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.github.payop4j.ipn.IpnDelivery;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnJournal.Claim;
import io.github.payop4j.ipn.IpnJournal.ClaimStatus;
import io.github.payop4j.ipn.IpnOutcome;
import io.github.payop4j.ipn.IpnResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One IPN delivery from bytes to handlers: source check, shape check, duplicate check, API
 * confirmation, claim of the confirmed state, order check, dispatch, mark.
 *
 * <p>Order matters: the cheap refusals (source, size, shape) come before anything is read or
 * written; a state already applied is answered "duplicate" before the API is asked, from memory or
 * one indexed read (and Payop's byte-identical repeat of it without a second parse), and such a
 * delivery is counted rather than journaled; a delivery of a state
 * that another delivery on this node is applying right now waits briefly for that one's outcome;
 * everything else is confirmed and then, in one of {@code maxApplying} turns, decided by
 * {@link StateApplier} and journaled once, with its outcome, before the answer.
 */
public final class Pipeline {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");
    /** Applied keys remembered per generation (two generations), and a generation's age limit. */
    private static final int APPLIED_KEYS_PER_GENERATION = 10_000;
    private static final long APPLIED_KEYS_MAX_AGE_NANOS = Duration.ofMinutes(5).toNanos();
    /** Bodies of applied states remembered per generation: at most 2 × 512 × 4 KB (and the parsed copy). */
    private static final int APPLIED_BODIES_PER_GENERATION = 512;
    private static final long MAX_POLL_NANOS = Duration.ofMillis(100).toNanos();

    private final PipelineConfig cfg;
    private final IpnParser parser;
    private final StateApplier applier;
    private final Inflight inflight;
    /** Turns to apply a delivery, handed out in arrival order (see {@link #takeTurn}). */
    private final Semaphore turns;
    private final Recent<IpnJournal.Key, Boolean> applied;
    /** What a body whose state was applied parsed to: Payop's byte-identical repeats skip the parse. */
    private final Recent<IpnBody, Notification> appliedBodies;
    private final RefusalLog refusals;
    private final Map<IpnOutcome, LongAdder> counts = new EnumMap<>(IpnOutcome.class);

    public Pipeline(PipelineConfig cfg) {
        this.cfg = cfg;
        this.parser = new IpnParser(cfg.json());
        this.applier = new StateApplier(cfg);
        this.inflight = new Inflight(cfg.maxWaiters());
        this.turns = new Semaphore(cfg.maxApplying(), true);
        this.applied = new Recent<>(APPLIED_KEYS_PER_GENERATION, APPLIED_KEYS_MAX_AGE_NANOS);
        this.appliedBodies = new Recent<>(APPLIED_BODIES_PER_GENERATION, APPLIED_KEYS_MAX_AGE_NANOS);
        this.refusals = new RefusalLog(cfg.sources(), cfg.clock());
        for (IpnOutcome o : IpnOutcome.values()) {
            counts.put(o, new LongAdder());
        }
    }

    /**
     * Never throws (short of a VM error): every failure becomes an outcome.
     *
     * @param body the delivery's bytes, which the pipeline reads and keeps but never changes
     */
    public IpnResult process(IpnDelivery d, byte[] body) {
        IpnResult result = receive(d, body);
        counts.get(result.outcome()).increment();
        return result;
    }

    /** How many deliveries ended in each outcome since this pipeline was built. */
    public Map<IpnOutcome, Long> counts() {
        Map<IpnOutcome, Long> out = new EnumMap<>(IpnOutcome.class);
        counts.forEach((o, n) -> out.put(o, n.sum()));
        return Collections.unmodifiableMap(out);
    }

    private IpnResult receive(IpnDelivery d, byte[] body) {
        String source = cfg.sources().clientAddress(d.peerAddress(), d.xForwardedFor(), d.forwarded());
        if (source == null || !cfg.sources().allows(source)) {
            refusals.refused(source, d);
            return refusal(IpnOutcome.FORBIDDEN_SOURCE, "source " + source + " not allowed");
        }
        if (d.bodyLength() > cfg.maxBodyBytes()) {
            LOG.log(WARNING, () -> "PAYOP-IPN-003 IPN refused: body of " + d.bodyLength() + " bytes from " + source
                    + " exceeds " + cfg.maxBodyBytes());
            return refusal(IpnOutcome.TOO_LARGE, "body exceeds " + cfg.maxBodyBytes() + " bytes");
        }
        IpnBody seen = IpnBody.of(body);
        Notification known = seen == null ? null : appliedBodies.get(seen);
        if (known != null) {
            // The same bytes parse to the same notification; everything after the parse is done
            // as for any delivery (the duplicate check first, so a reopened claim is not skipped).
            return handle(known, source, d.receivedAt());
        }
        IpnParser.Parsed parsed = parser.parse(body);
        if (parsed.error() != null) {
            LOG.log(WARNING, () -> "PAYOP-IPN-003 Malformed IPN from " + source + " (" + d.bodyLength()
                    + " bytes): " + parsed.error());
            return refusal(IpnOutcome.MALFORMED, parsed.error());
        }
        IpnResult result = handle(parsed.notification(), source, d.receivedAt());
        if (seen != null && (result.outcome() == IpnOutcome.DUPLICATE || result.outcome() == IpnOutcome.PROCESSED
                || result.outcome() == IpnOutcome.ANOMALY)) {
            appliedBodies.put(seen, parsed.notification()); // its state is applied: what comes again is a repeat
        }
        return result;
    }

    /**
     * A notification that did not come over HTTP: the reconciliation sweep's (built from what the
     * API reported), or a journaled delivery an operator re-drives. It takes the same path as an
     * IPN from the duplicate check on (same claim, same confirmation with the API), so a state is
     * applied once whichever comes first. Not counted in {@link #counts()}.
     *
     * @param reopened a claim an operator reopened for this re-drive, else {@code null}: this node
     *     forgets that it saw it applied
     */
    public IpnResult apply(Notification n, String source, Instant receivedAt, IpnJournal.Key reopened) {
        if (reopened != null) {
            applied.remove(reopened);
            applied.remove(new IpnJournal.Key(n.kind(), n.objectId(), n.stateKey()));
        }
        return handle(n, source, receivedAt);
    }

    /** The parser of this pipeline's bodies (re-drives read journaled ones). */
    public IpnParser parser() {
        return parser;
    }

    private IpnResult handle(Notification n, String source, Instant receivedAt) {
        IpnJournal.Key claimed = new IpnJournal.Key(n.kind(), n.objectId(), n.stateKey());
        try {
            if (isApplied(claimed)) {
                return answer(n, null, Decision.duplicate(claimed, "state " + claimed.stateKey()
                        + " was applied before"));
            }
        } catch (RuntimeException e) {
            LOG.log(ERROR, "PAYOP-IPN-007 The IPN journal failed to read the claim of " + claimed
                    + "; answering 500 so Payop retries", e);
            return new IpnResult(IpnOutcome.RETRY_LATER, 500, n.kind(), n.objectId(), 0, null, "journal failed");
        }
        long deadline = System.nanoTime() + cfg.duplicateWait().toNanos();
        Inflight.Slot slot;
        while (true) {
            slot = inflight.enter(claimed);
            if (slot.holder()) {
                break;
            }
            Inflight.Wait waited = inflight.await(slot, deadline);
            if (waited == Inflight.Wait.APPLIED) {
                return answer(n, null, Decision.duplicate(claimed, "state " + claimed.stateKey()
                        + " was applied by a concurrent delivery"));
            }
            if (waited == Inflight.Wait.GAVE_UP) {
                return answer(n, delivery(n, source, receivedAt), Decision.retry(503, "another delivery of "
                        + claimed.stateKey() + " is being processed"));
            }
            // NOT_APPLIED: the other delivery failed or applied another state: our turn.
        }
        StateApplier.Delivery delivery = null;
        Decision decision = null;
        try {
            if (applied.contains(claimed)) { // applied between our read and our turn
                decision = Decision.duplicate(claimed, "state " + claimed.stateKey() + " was applied before");
            } else {
                delivery = delivery(n, source, receivedAt);
                decision = decide(delivery, deadline);
            }
        } catch (RuntimeException e) {
            LOG.log(ERROR, "PAYOP-IPN-008 Processing of an IPN for " + n.kind() + " " + n.objectId() + " failed", e);
            decision = Decision.retry(500, "internal failure (" + e.getClass().getSimpleName() + ")");
        } finally {
            IpnJournal.Key done = decision == null ? null : decision.appliedKey();
            if (done != null && StateKeys.isState(done.stateKey())) {
                applied.put(done, Boolean.TRUE); // before leave(): whoever comes next finds it without a read
            }
            inflight.leave(claimed, slot, claimed.equals(done));
        }
        return answer(n, delivery, decision);
    }

    private StateApplier.Delivery delivery(Notification n, String source, Instant receivedAt) {
        return new StateApplier.Delivery(n, cfg.journal().newEntryId(), source, receivedAt);
    }

    /** An applied state is final: a remembered one needs no read, a stored one one indexed read. */
    private boolean isApplied(IpnJournal.Key key) {
        if (applied.contains(key)) {
            return true;
        }
        Optional<Claim> claim = cfg.journal().find(key);
        if (claim.isPresent() && claim.get().status() == ClaimStatus.APPLIED) {
            applied.put(key, Boolean.TRUE);
            return true;
        }
        return false;
    }

    private Decision decide(StateApplier.Delivery delivery, long deadline) {
        StateApplier.Plan plan = applier.plan(delivery);
        if (plan.answer() != null) {
            return plan.answer();
        }
        while (true) {
            Decision decision;
            if (!takeTurn(deadline)) {
                return Decision.retry(503, "this node is applying " + cfg.maxApplying() + " deliveries already;"
                        + " no turn within " + cfg.duplicateWait().toMillis() + " ms");
            }
            try {
                decision = applier.apply(plan, delivery);
            } finally {
                turns.release();
            }
            if (!decision.busy()) {
                applier.afterCommit(decision);
                return decision;
            }
            if (!awaitClaim(plan.key(), deadline)) {
                return Decision.retry(503, decision.reason());
            }
        }
    }

    /**
     * Waits, in arrival order and at most until {@code deadline}, for one of the
     * {@code maxApplying} turns to apply a delivery. The bound is a bulkhead: of a burst, only that
     * many deliveries hold the journal's and the shop's connections through the handlers at once
     * (the duplicate check before the turn is one short read). It also keeps the tail of
     * the latency short on a busy node: a few deliveries at a time each finish in a few
     * milliseconds, where dozens sharing two processors and a database at once each take the
     * time of all of them, and the unlucky ones several times that.
     */
    private boolean takeTurn(long deadline) {
        try {
            return turns.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits (bounded) until a claim held by a delivery elsewhere (another node, or one that
     * crashed) is no longer live: polling with growing pauses, one indexed read each.
     */
    private boolean awaitClaim(IpnJournal.Key key, long deadline) {
        if (!inflight.tryWait()) {
            return false;
        }
        try {
            long pause = Duration.ofMillis(5).toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
                pause = Math.min(pause * 2, MAX_POLL_NANOS);
                Optional<Claim> c = cfg.journal().find(key);
                if (c.isEmpty() || c.get().status() != ClaimStatus.PROCESSING
                        || !c.get().claimedAt().isAfter(cfg.clock().instant().minus(cfg.lease()))) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            inflight.doneWaiting();
        }
    }

    /** Journals what is not journaled yet (never a duplicate), logs, and builds the answer. */
    private IpnResult answer(Notification n, StateApplier.Delivery delivery, Decision decision) {
        long entryId = 0;
        if (decision.outcome() != IpnOutcome.DUPLICATE && delivery != null) {
            entryId = delivery.entryId();
            if (!decision.recorded()) {
                try {
                    cfg.journal().record(delivery.entry(decision.outcome(), decision.reason()));
                } catch (RuntimeException e) {
                    LOG.log(ERROR, "PAYOP-IPN-007 The IPN journal failed to record delivery " + entryId + " of "
                            + n.kind() + " " + n.objectId() + " (" + decision.outcome() + ")", e);
                    entryId = 0;
                }
            }
        }
        log(n, entryId, decision);
        return new IpnResult(decision.outcome(), decision.status(), n.kind(), n.objectId(), entryId,
                decision.event(), decision.reason());
    }

    private static IpnResult refusal(IpnOutcome outcome, String reason) {
        return new IpnResult(outcome, outcome.defaultStatus(), null, null, 0, null, reason);
    }

    private static void log(Notification n, long entryId, Decision d) {
        switch (d.outcome()) {
            case PROCESSED:
                LOG.log(INFO, () -> "PAYOP-IPN-001 Applied " + n.kind() + " " + n.objectId() + " "
                        + d.event().state() + " (entry " + entryId + ")");
                break;
            case ANOMALY:
                LOG.log(WARNING, () -> "PAYOP-IPN-005 Anomaly on " + n.kind() + " " + n.objectId() + " (entry "
                        + entryId + "): " + d.reason());
                break;
            case DUPLICATE:
                LOG.log(DEBUG, () -> "PAYOP-IPN-004 Duplicate " + n.kind() + " " + n.objectId() + " " + n.state()
                        + " (counted, not journaled): " + d.reason());
                break;
            default:
                LOG.log(WARNING, () -> "PAYOP-IPN-004 Retry later for " + n.kind() + " " + n.objectId() + " (entry "
                        + entryId + "): " + d.reason());
        }
    }
}
