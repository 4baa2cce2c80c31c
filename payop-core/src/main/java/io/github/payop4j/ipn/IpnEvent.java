package io.github.payop4j.ipn;

import java.util.Objects;

/**
 * What an {@link IpnHandler} receives: one event per applied (object, state), never a repeat
 * for a duplicate delivery.
 *
 * <p>Only {@link PaymentAccepted} means the shop has been paid. New, pending and pre-approved
 * checkout states arrive as {@link PaymentPending} (Payop: only "accepted" is guaranteed).
 * An IPN that cannot be trusted or applied as claimed arrives as an {@link Anomaly} and never
 * as a payment.
 */
public sealed interface IpnEvent {

    /** Ids, states, amount and origin of the IPN. */
    IpnFacts facts();

    default IpnKind kind() {
        return facts().kind();
    }

    /** The transaction, refund or withdrawal id. */
    default String objectId() {
        return facts().objectId();
    }

    default String orderId() {
        return facts().orderId();
    }

    default IpnState state() {
        return facts().state();
    }

    default long journalEntryId() {
        return facts().journalEntryId();
    }

    /** A checkout transaction was paid (state 2, confirmed). Credit the order. */
    record PaymentAccepted(IpnFacts facts) implements IpnEvent {
        public PaymentAccepted {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** A checkout transaction failed; {@code reason} follows Payop's state 5 messages. */
    record PaymentFailed(IpnFacts facts, Reason reason) implements IpnEvent {
        public PaymentFailed {
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(reason, "reason");
        }

        public enum Reason { FAILED, TIMEOUT, REJECTED }
    }

    /**
     * A checkout transaction is new, pending or pre-approved: not paid. Payop warns that
     * pre-approved may still turn into failed; deliver goods only on {@link PaymentAccepted}.
     */
    record PaymentPending(IpnFacts facts) implements IpnEvent {
        public PaymentPending {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** A refund changed state (new, accepted, rejected); see {@link #state()}. */
    record RefundUpdated(IpnFacts facts) implements IpnEvent {
        public RefundUpdated {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** A withdrawal changed state (pending, accepted, rejected); see {@link #state()}. */
    record WithdrawalUpdated(IpnFacts facts) implements IpnEvent {
        public WithdrawalUpdated {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /**
     * An IPN that was journaled and acknowledged but not applied as claimed. Worth a look by a
     * person: it may be forged, or Payop and the shop disagree about an order.
     *
     * @param detail a short explanation (no secrets, no body)
     * @param paidByTransaction for {@link Type#ALREADY_PAID}, the transaction that paid the order
     *     first ({@link #objectId()} is the second one); otherwise {@code null}
     */
    record Anomaly(IpnFacts facts, Type type, String detail, String paidByTransaction) implements IpnEvent {
        public Anomaly {
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(detail, "detail");
            if (type == Type.ALREADY_PAID) {
                Objects.requireNonNull(paidByTransaction, "paidByTransaction");
            }
        }

        /** An anomaly of any type but {@link Type#ALREADY_PAID}. */
        public Anomaly(IpnFacts facts, Type type, String detail) {
            this(facts, type, detail, null);
        }

        public enum Type {
            /**
             * A double payment: the order was already paid by another transaction
             * ({@link Anomaly#paidByTransaction()}), and this one ({@link IpnEvent#objectId()}) paid
             * it again. The money did arrive twice: refund one (or let the library do it,
             * {@code payop.ipn.refund-double-payments}). Recognised from the library's own record of
             * the transaction that paid each order, and from
             * {@link IpnOrderLookup.Order#paidByTransaction()} when the shop names one.
             */
            ALREADY_PAID,
            /** The amount differs from the shop's order (checkout) or from the API (refund, withdrawal). */
            AMOUNT_MISMATCH,
            /** The currency differs, as for the amount. */
            CURRENCY_MISMATCH,
            /** A non-accepted state arrived after the object was accepted; the acceptance stands. */
            DOWNGRADE,
            /** The API does not know the object, or reports another state, id or order. */
            UNCONFIRMED,
            /** The shop's order lookup does not know the order (or the IPN names none). */
            UNKNOWN_ORDER,
            /** A state code this library does not know; see {@link IpnFacts#stateCode()}. */
            UNKNOWN_STATE
        }
    }
}
