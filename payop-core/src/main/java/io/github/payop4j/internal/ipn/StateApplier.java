package io.github.payop4j.internal.ipn;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;

import io.github.payop4j.internal.ipn.Confirmation.Status;
import io.github.payop4j.internal.ipn.journal.InvoiceRecord;
import io.github.payop4j.internal.ipn.journal.Ledger;
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
import io.github.payop4j.ipn.IpnState;
import java.time.Instant;
import java.util.List;

/**
 * The part of the pipeline that decides about a delivery nobody has answered yet: confirm with
 * the API, choose the claim key, claim it, check the order, run the handlers, mark it applied.
 *
 * <p>The key is the <em>confirmed</em> state's, so every delivery of one real state meets the
 * same claim, and whatever depends on the shop's current data (the order check) runs only for
 * the holder of that claim. Only what the API does not confirm (a forged or altered IPN) is
 * claimed under an anomaly key of its own ({@code UNCONFIRMED:ACCEPTED}), so a forgery can never
 * occupy the key the genuine state needs.
 */
final class StateApplier {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");

    private final PipelineConfig cfg;
    private final OrderCheck orderCheck;
    private final DoublePaymentRefunds refunds;

    StateApplier(PipelineConfig cfg) {
        this.cfg = cfg;
        this.orderCheck = cfg.orderLookup() == null ? null : new OrderCheck(cfg.orderLookup());
        this.refunds = cfg.operations().refundDoublePayments() && cfg.ledger() != null && cfg.client() != null
                ? new DoublePaymentRefunds(cfg.client(), cfg.ledger(), cfg.clock()) : null;
    }

    /** What is being decided: the notification and the journal entry its delivery will get. */
    record Delivery(Notification n, long entryId, String source, Instant receivedAt) {
        IpnJournal.Entry entry(IpnOutcome outcome, String detail) {
            return new IpnJournal.Entry(entryId, receivedAt, source, n.kind(), n.objectId(), n.invoiceId(),
                    n.orderId(), n.state(), n.stateCode(), n.body(), outcome, detail);
        }
    }

    /** The confirmed plan for a delivery, or (API down or lagging) only an answer. */
    Plan plan(Delivery d) {
        Notification n = d.n();
        Confirmation c = cfg.confirmer() == null
                ? Confirmation.ofClaim(Status.CONFIRMED, n, "not confirmed: API confirmation is off")
                : cfg.confirmer().confirm(n);
        if (c.status() == Status.UNREACHABLE || c.status() == Status.LAGGING) {
            return new Plan(null, null, false, Decision.retry(503, c.detail()));
        }
        IpnFacts facts = new IpnFacts(n.kind(), d.entryId(), n.objectId(), n.invoiceId(), c.orderId(),
                c.sourceTransactionId(), c.state(), c.stateCode(), n.state(), n.stateCode(), c.amount(), c.currency(),
                c.errorMessage(), d.source(), d.receivedAt(), c.fromApi());
        switch (c.status()) {
            case NOT_FOUND:
            case UNCONFIRMED:
                return forged(n, facts, Anomaly.Type.UNCONFIRMED, c.detail());
            case AMOUNT_MISMATCH:
                return forged(n, facts, Anomaly.Type.AMOUNT_MISMATCH, c.detail());
            case CURRENCY_MISMATCH:
                return forged(n, facts, Anomaly.Type.CURRENCY_MISMATCH, c.detail());
            default:
                break;
        }
        IpnJournal.Key key = new IpnJournal.Key(n.kind(), n.objectId(), StateKeys.of(facts.state(), facts.stateCode()));
        switch (facts.state()) {
            case UNKNOWN:
                return new Plan(key, new Anomaly(facts, Anomaly.Type.UNKNOWN_STATE,
                        "state code " + facts.stateCode() + " is not documented"), false, null);
            case ACCEPTED:
                return new Plan(key, Events.of(facts), n.kind() == IpnKind.CHECKOUT, null);
            default:
                return new Plan(key, Events.of(facts), false, null);
        }
    }

    /** What the API did not confirm is claimed in the anomaly namespace, apart from the real states. */
    private static Plan forged(Notification n, IpnFacts facts, Anomaly.Type type, String detail) {
        return new Plan(new IpnJournal.Key(n.kind(), n.objectId(), StateKeys.anomaly(type, n.stateKey())),
                new Anomaly(facts, type, detail), false, null);
    }

    /** Claims and applies the plan in the shop's transaction; {@link Decision#busy()} if the claim is held elsewhere. */
    Decision apply(Plan plan, Delivery d) {
        Instant now = cfg.clock().instant();
        try {
            return cfg.transactions().inTransaction(() -> applyInTransaction(plan, d, now));
        } catch (Exception e) {
            release(plan.key(), d.entryId());
            HandlerFailure h = HandlerFailure.find(e);
            if (h != null) {
                LOG.log(ERROR, "PAYOP-IPN-006 The IPN handler failed on " + plan.key() + " (entry " + d.entryId()
                        + "); answering 500 so Payop retries", h.getCause());
                return Decision.retry(500, "handler failed (" + h.getCause().getClass().getSimpleName() + ")");
            }
            OrderCheck.LookupFailure lookup = OrderCheck.LookupFailure.find(e);
            if (lookup != null) {
                LOG.log(WARNING, "PAYOP-IPN-009 The shop's order lookup failed for order " + plan.event().orderId()
                        + "; answering 503 so Payop retries", lookup.getCause());
                return Decision.retry(503, "order lookup failed");
            }
            LOG.log(ERROR, "PAYOP-IPN-007 The IPN journal or transaction failed on " + plan.key() + " (entry "
                    + d.entryId() + "); answering 500 so Payop retries", e);
            return Decision.retry(500, "journal or transaction failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * What follows a committed decision, outside the turn to apply (a call to Payop must not hold
     * one): the opt-in refund of an order's second payment ({@code ALREADY_PAID}), sent only once
     * that anomaly is committed. Never throws.
     */
    void afterCommit(Decision done) {
        if (refunds != null && done.event() instanceof Anomaly a && a.type() == Anomaly.Type.ALREADY_PAID) {
            refunds.refund(a);
        }
    }

    private Decision applyInTransaction(Plan plan, Delivery d, Instant now) {
        IpnJournal.Key key = plan.key();
        ClaimAttempt attempt = cfg.journal().claim(key, d.entryId(), now, cfg.lease());
        switch (attempt.result()) {
            case ALREADY_APPLIED:
                return Decision.duplicate(key, key.stateKey() + " was applied before");
            case BUSY:
                return Decision.busy("another delivery of " + key.stateKey() + " is being processed");
            default:
                break;
        }
        // One state of an object at a time: claims of other states are visible here (each
        // delivery inserts before it looks), so of two racing deliveries at least one backs off.
        Instant leaseStart = now.minus(cfg.lease());
        for (Claim other : attempt.objectClaims()) {
            if (!other.stateKey().equals(key.stateKey()) && other.status() == ClaimStatus.PROCESSING
                    && other.claimedAt().isAfter(leaseStart)) {
                cfg.journal().markFailed(key, d.entryId(), now);
                return Decision.retry(503, "another state of this object (" + other.stateKey()
                        + ") is being processed");
            }
        }
        IpnEvent event = plan.event();
        if (plan.checkOrder()) {
            // Inside the claim: only the one delivery that applies this state asks the shop, and
            // records the payment of the order, so a second transaction paying it is recognised.
            Anomaly mismatch = orderCheck == null ? null : orderCheck.check(event.facts());
            event = mismatch != null ? mismatch : recordPayment(event, now);
        }
        if (!(event instanceof Anomaly) && !key.stateKey().equals(StateKeys.ACCEPTED)
                && isApplied(attempt.objectClaims(), StateKeys.ACCEPTED)) {
            event = new Anomaly(event.facts(), Anomaly.Type.DOWNGRADE, "already accepted; a later "
                    + event.state() + " does not undo it");
        }
        dispatch(event);
        Decision done = event instanceof Anomaly a
                ? Decision.applied(IpnOutcome.ANOMALY, event, a.type() + ": " + a.detail(), key)
                : Decision.applied(IpnOutcome.PROCESSED, event, "applied " + key.stateKey(), key);
        // What the invoice record learns, the mark and the delivery row together: one more round
        // of writes (one connection; one statement on PostgreSQL), inside the shop's transaction if any.
        IpnJournal.Entry entry = d.entry(done.outcome(), done.reason());
        if (cfg.ledger() != null) {
            cfg.ledger().markApplied(key, entry, invoiceUpdate(key, event), cfg.clock().instant());
        } else {
            cfg.journal().markApplied(key, entry, cfg.clock().instant());
        }
        return done;
    }

    /**
     * The library's own record of the transaction that paid each order, written in this
     * transaction: a payment by any other transaction is a double payment, whatever the shop's
     * lookup says. (A PostgreSQL inserter of the same order waits here for the other transaction.)
     */
    private IpnEvent recordPayment(IpnEvent event, Instant now) {
        IpnFacts f = event.facts();
        if (cfg.ledger() == null || f.orderId() == null) {
            return event;
        }
        String payer = cfg.ledger().recordPayment(f.orderId(), f.objectId(), f.invoiceId(), now);
        if (payer.equals(f.objectId())) {
            return event;
        }
        return Events.alreadyPaid(f, payer);
    }

    /** What the invoice record learns from an applied checkout state (the sweep then leaves it alone), or null. */
    private static Ledger.InvoiceUpdate invoiceUpdate(IpnJournal.Key key, IpnEvent event) {
        IpnFacts f = event.facts();
        if (f.kind() != IpnKind.CHECKOUT || f.invoiceId() == null || !StateKeys.isState(key.stateKey())) {
            return null; // only a real state of the object (an anomaly key is what the API did not confirm)
        }
        InvoiceRecord.State state = f.state() == IpnState.ACCEPTED ? InvoiceRecord.State.PAID
                : f.state().isFailure() ? InvoiceRecord.State.FAILED
                : f.state() == IpnState.UNKNOWN ? InvoiceRecord.State.UNKNOWN : InvoiceRecord.State.PENDING;
        return new Ledger.InvoiceUpdate(f.invoiceId(), state, f.objectId(), "transaction " + f.objectId() + " "
                + f.state());
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

    /**
     * @param key the claim: the confirmed state, or an anomaly key for what the API did not confirm
     * @param checkOrder compare an accepted checkout payment with the shop's order and record it
     *     as the order's payment once the claim is held
     * @param answer when not {@code null}, nothing is claimed and this is the answer
     */
    record Plan(IpnJournal.Key key, IpnEvent event, boolean checkOrder, Decision answer) {
    }
}
