package io.github.payop4j.internal.ipn;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.github.payop4j.internal.ipn.Confirmation.Status;
import io.github.payop4j.ipn.IpnDelivery;
import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnEvent.Anomaly;
import io.github.payop4j.ipn.IpnFacts;
import io.github.payop4j.ipn.IpnHandler;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnJournal.Claim;
import io.github.payop4j.ipn.IpnJournal.ClaimAttempt;
import io.github.payop4j.ipn.IpnJournal.ClaimStatus;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnOutcome;
import io.github.payop4j.ipn.IpnResult;
import java.time.Instant;
import java.util.List;

/**
 * One IPN delivery from bytes to handlers: source check, shape check, journal, duplicate
 * check, API confirmation, order check, claim, dispatch, mark.
 *
 * <p>Order matters: the cheap refusals (source, size, shape) come before anything is written;
 * the delivery is journaled before any decision, so even a delivery that later fails is on
 * record; and a known duplicate is answered before the API is asked, so Payop's repeats cost
 * one read.
 */
public final class Pipeline {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");

    private final PipelineConfig cfg;
    private final IpnParser parser;
    private final OrderCheck orderCheck;

    public Pipeline(PipelineConfig cfg) {
        this.cfg = cfg;
        this.parser = new IpnParser(cfg.json());
        this.orderCheck = cfg.orderLookup() == null ? null : new OrderCheck(cfg.orderLookup());
    }

    /** Never throws (short of a VM error): every failure becomes an outcome. */
    public IpnResult process(IpnDelivery d) {
        String source = cfg.sources().clientAddress(d.peerAddress(), d.xForwardedFor(), d.forwarded());
        if (source == null || !cfg.sources().allows(source)) {
            LOG.log(WARNING, () -> "PAYOP-IPN-002 IPN refused: source " + (source == null ? "cannot be determined"
                    : source + " is not allowed") + " (peer " + d.peerAddress() + ")");
            return refusal(IpnOutcome.FORBIDDEN_SOURCE, "source " + source + " not allowed");
        }
        if (d.bodyLength() > cfg.maxBodyBytes()) {
            LOG.log(WARNING, () -> "PAYOP-IPN-003 IPN refused: body of " + d.bodyLength() + " bytes from " + source
                    + " exceeds " + cfg.maxBodyBytes());
            return refusal(IpnOutcome.TOO_LARGE, "body exceeds " + cfg.maxBodyBytes() + " bytes");
        }
        IpnParser.Parsed parsed = parser.parse(d.body());
        if (parsed.error() != null) {
            LOG.log(WARNING, () -> "PAYOP-IPN-003 Malformed IPN from " + source + " (" + d.bodyLength()
                    + " bytes): " + parsed.error());
            return refusal(IpnOutcome.MALFORMED, parsed.error());
        }
        Notification n = parsed.notification();

        long entryId;
        try {
            entryId = cfg.journal().record(new IpnJournal.Entry(0, d.receivedAt(), source, n.kind(), n.objectId(),
                    n.invoiceId(), n.orderId(), n.state(), n.stateCode(), n.body(), null, null));
        } catch (RuntimeException e) {
            LOG.log(ERROR, "PAYOP-IPN-007 The IPN journal failed to record a delivery of " + n.kind() + " "
                    + n.objectId() + "; answering 500 so Payop retries", e);
            return new IpnResult(IpnOutcome.RETRY_LATER, 500, n.kind(), n.objectId(), 0, null, "journal failed");
        }

        Decision decision;
        try {
            decision = decide(n, entryId, source, d.receivedAt());
        } catch (RuntimeException e) {
            LOG.log(ERROR, "PAYOP-IPN-008 Processing of IPN entry " + entryId + " failed", e);
            decision = Decision.retry(500, "internal failure (" + e.getClass().getSimpleName() + ")");
        }
        try {
            cfg.journal().finish(entryId, decision.outcome(), decision.reason(), cfg.clock().instant());
        } catch (RuntimeException e) {
            LOG.log(ERROR, "PAYOP-IPN-007 The IPN journal failed to record the outcome of entry " + entryId, e);
            if (decision.outcome().acknowledged()) {
                // "Recorded before the 200": the retry will find the state applied and answer duplicate.
                decision = Decision.retry(500, "journal failed to record the outcome");
            }
        }
        log(n, entryId, decision);
        return new IpnResult(decision.outcome(), decision.status(), n.kind(), n.objectId(), entryId,
                decision.event(), decision.reason());
    }

    private Decision decide(Notification n, long entryId, String source, Instant receivedAt) {
        List<Claim> before = cfg.journal().claims(n.kind(), n.objectId());
        if (isApplied(before, n.stateKey())) {
            return new Decision(IpnOutcome.DUPLICATE, 200, null, "state " + n.stateKey() + " was applied before");
        }
        Confirmation c = cfg.confirmer() == null
                ? Confirmation.ofClaim(Status.CONFIRMED, n, "not confirmed: API confirmation is off")
                : cfg.confirmer().confirm(n);
        if (c.status() == Status.UNREACHABLE || c.status() == Status.LAGGING) {
            return Decision.retry(503, c.detail());
        }
        IpnFacts facts = new IpnFacts(n.kind(), entryId, n.objectId(), n.invoiceId(), c.orderId(),
                c.sourceTransactionId(), c.state(), c.stateCode(), n.state(), n.stateCode(), c.amount(), c.currency(),
                c.errorMessage(), source, receivedAt, c.fromApi());
        Plan plan;
        try {
            plan = plan(n, c, facts);
        } catch (OrderCheck.LookupFailure e) {
            LOG.log(WARNING, "PAYOP-IPN-009 The shop's order lookup failed for order " + facts.orderId()
                    + "; answering 503 so Payop retries", e.getCause());
            return Decision.retry(503, "order lookup failed");
        }
        return apply(plan, entryId);
    }

    private Plan plan(Notification n, Confirmation c, IpnFacts facts) throws OrderCheck.LookupFailure {
        switch (c.status()) {
            case NOT_FOUND:
            case UNCONFIRMED:
                return anomaly(n, facts, Anomaly.Type.UNCONFIRMED, c.detail());
            case AMOUNT_MISMATCH:
                return anomaly(n, facts, Anomaly.Type.AMOUNT_MISMATCH, c.detail());
            case CURRENCY_MISMATCH:
                return anomaly(n, facts, Anomaly.Type.CURRENCY_MISMATCH, c.detail());
            default:
                break;
        }
        IpnJournal.Key key = new IpnJournal.Key(n.kind(), n.objectId(), StateKeys.of(facts.state(), facts.stateCode()));
        switch (facts.state()) {
            case UNKNOWN:
                return new Plan(key, new Anomaly(facts, Anomaly.Type.UNKNOWN_STATE,
                        "state code " + facts.stateCode() + " is not documented"));
            case ACCEPTED:
                if (orderCheck != null && n.kind() == IpnKind.CHECKOUT) {
                    Anomaly mismatch = orderCheck.check(facts);
                    if (mismatch != null) {
                        return anomaly(n, facts, mismatch.type(), mismatch.detail());
                    }
                }
                break;
            default:
                break;
        }
        return new Plan(key, Events.of(facts));
    }

    private static Plan anomaly(Notification n, IpnFacts facts, Anomaly.Type type, String detail) {
        return new Plan(new IpnJournal.Key(n.kind(), n.objectId(), StateKeys.anomaly(type, n.stateKey())),
                new Anomaly(facts, type, detail));
    }

    private Decision apply(Plan plan, long entryId) {
        Instant now = cfg.clock().instant();
        try {
            return cfg.transactions().inTransaction(() -> applyInTransaction(plan, entryId, now));
        } catch (Exception e) {
            release(plan.key(), entryId);
            HandlerFailure h = HandlerFailure.find(e);
            if (h != null) {
                LOG.log(ERROR, "PAYOP-IPN-006 The IPN handler failed on " + plan.key() + " (entry " + entryId
                        + "); answering 500 so Payop retries", h.getCause());
                return Decision.retry(500, "handler failed (" + h.getCause().getClass().getSimpleName() + ")");
            }
            LOG.log(ERROR, "PAYOP-IPN-007 The IPN journal or transaction failed on " + plan.key() + " (entry "
                    + entryId + "); answering 500 so Payop retries", e);
            return Decision.retry(500, "journal or transaction failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Decision applyInTransaction(Plan plan, long entryId, Instant now) {
        IpnJournal.Key key = plan.key();
        ClaimAttempt attempt = cfg.journal().claim(key, entryId, now, cfg.lease());
        switch (attempt.result()) {
            case ALREADY_APPLIED:
                return new Decision(IpnOutcome.DUPLICATE, 200, null, key.stateKey() + " was applied before");
            case BUSY:
                return Decision.retry(503, "another delivery of " + key.stateKey() + " is being processed");
            default:
                break;
        }
        // One state of an object at a time: claims of other states are visible here (each
        // delivery inserts before it looks), so of two racing deliveries at least one backs off.
        Instant leaseStart = now.minus(cfg.lease());
        for (Claim other : attempt.objectClaims()) {
            if (!other.stateKey().equals(key.stateKey()) && other.status() == ClaimStatus.PROCESSING
                    && other.claimedAt().isAfter(leaseStart)) {
                cfg.journal().markFailed(key, entryId, now);
                return Decision.retry(503, "another state of this object (" + other.stateKey()
                        + ") is being processed");
            }
        }
        IpnEvent event = plan.event();
        if (!(event instanceof Anomaly) && !key.stateKey().equals(StateKeys.ACCEPTED)
                && isApplied(attempt.objectClaims(), StateKeys.ACCEPTED)) {
            event = new Anomaly(event.facts(), Anomaly.Type.DOWNGRADE, "already accepted; a later "
                    + event.state() + " does not undo it");
        }
        dispatch(event);
        cfg.journal().markApplied(key, entryId, cfg.clock().instant());
        return event instanceof Anomaly a
                ? new Decision(IpnOutcome.ANOMALY, 200, event, a.type() + ": " + a.detail())
                : new Decision(IpnOutcome.PROCESSED, 200, event, "applied " + key.stateKey());
    }

    private void dispatch(IpnEvent event) {
        for (IpnHandler handler : cfg.handlers()) {
            try {
                handler.handle(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) { // any handler failure, checked or not, means "not applied"
                throw new HandlerFailure(t);
            }
        }
    }

    /** Frees a claim this delivery may still hold after a failure; inside a rolled-back transaction there is none. */
    private void release(IpnJournal.Key key, long entryId) {
        try {
            cfg.journal().markFailed(key, entryId, cfg.clock().instant());
        } catch (RuntimeException e) {
            LOG.log(WARNING, () -> "PAYOP-IPN-007 Could not release claim " + key + " (entry " + entryId
                    + "); it frees itself after the lease of " + cfg.lease().toSeconds() + " s");
        }
    }

    private static boolean isApplied(List<Claim> claims, String stateKey) {
        for (Claim c : claims) {
            if (c.stateKey().equals(stateKey) && c.status() == ClaimStatus.APPLIED) {
                return true;
            }
        }
        return false;
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
                        + " (entry " + entryId + ")");
                break;
            default:
                LOG.log(WARNING, () -> "PAYOP-IPN-004 Retry later for " + n.kind() + " " + n.objectId() + " (entry "
                        + entryId + "): " + d.reason());
        }
    }

    private record Plan(IpnJournal.Key key, IpnEvent event) {
    }

    private record Decision(IpnOutcome outcome, int status, IpnEvent event, String reason) {
        static Decision retry(int status, String reason) {
            return new Decision(IpnOutcome.RETRY_LATER, status, null, reason);
        }
    }
}
