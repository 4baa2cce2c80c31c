package io.github.payop4j.internal.ipn.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * One invoice the library created for an order attempt, with what it last learned about it.
 *
 * @param amount the amount exactly as it was signed and sent
 * @param transactionId the transaction that paid or tried to pay it, once known
 * @param checks how often the reconciliation sweep took it (a version for {@link Ledger#takeCheck})
 * @param checkedAt when the sweep last asked Payop about it, or {@code null}
 * @param note what the last change was about (sweep outcome, why it was replaced)
 */
public record InvoiceRecord(String invoiceId, String orderId, String amount, String currency, Instant createdAt,
        State state, String transactionId, int checks, Instant checkedAt, String note) {

    public InvoiceRecord {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
    }

    /** A record of an invoice just created. */
    public static InvoiceRecord created(String invoiceId, String orderId, String amount, String currency, Instant now) {
        return new InvoiceRecord(invoiceId, orderId, amount, currency, now, State.NEW, null, 0, null, "created");
    }

    /**
     * NEW and PENDING are Payop's invoice statuses while it accepts payment; PAID, FAILED and
     * OVERDUE its final ones; SUPERSEDED (the order's amount or currency changed, a new invoice
     * replaced it) and GAVE_UP (no final state within its lifetime) are the library's; UNKNOWN is
     * a status Payop has not documented.
     */
    public enum State {
        NEW, PENDING, PAID, FAILED, OVERDUE, SUPERSEDED, GAVE_UP, UNKNOWN;

        /** Whether the sweep still asks about it. */
        public boolean unsettled() {
            return this == NEW || this == PENDING || this == UNKNOWN;
        }
    }
}
