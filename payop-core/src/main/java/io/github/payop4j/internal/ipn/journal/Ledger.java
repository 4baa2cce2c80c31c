package io.github.payop4j.internal.ipn.journal;

import io.github.payop4j.ipn.IpnJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the library records beside the IPN journal, in the same store: every invoice it created
 * for an order attempt (so a second "Pay" reuses it and the reconciliation sweep knows what to
 * ask Payop about), the transaction that paid each order (so a second payment is recognised
 * whatever the shop's own records say), and the refunds of double payments (so none is sent
 * twice). Every method throws an unchecked exception when the store fails.
 */
public interface Ledger {

    /** The ledger of a built-in journal; empty for a journal the shop wrote itself. */
    static Optional<Ledger> of(IpnJournal journal) {
        if (journal instanceof JdbcJournal j) {
            return Optional.of(j.ledger());
        }
        if (journal instanceof InMemoryJournal m) {
            return Optional.of(m.ledger());
        }
        return Optional.empty();
    }

    void recordInvoice(InvoiceRecord record);

    Optional<InvoiceRecord> invoice(String invoiceId);

    /** The order's newest invoice record, whatever its state. */
    Optional<InvoiceRecord> latestInvoice(String orderId);

    /**
     * Moves a record to {@code state} (and sets its transaction when one is given), unless it is
     * already {@link InvoiceRecord.State#PAID}: a payment is never overwritten by a later word.
     */
    void updateInvoice(String invoiceId, InvoiceRecord.State state, String transactionId, String note, Instant now);

    /**
     * The end of an applied IPN, in one round of writes: the invoice record moved as
     * {@link #updateInvoice} moves it (when {@code invoice} is not null), then {@code key} marked
     * applied in the journal beside this ledger if {@code delivery} still holds it, and the
     * delivery recorded (as {@link IpnJournal#markApplied(IpnJournal.Key, IpnJournal.Entry, Instant)}).
     * JDBC: one connection, and on PostgreSQL one statement, where the invoice update used to take a
     * connection of its own.
     */
    void markApplied(IpnJournal.Key key, IpnJournal.Entry delivery, InvoiceUpdate invoice, Instant now);

    /** What an applied IPN tells the invoice record: see {@link #updateInvoice}. */
    record InvoiceUpdate(String invoiceId, InvoiceRecord.State state, String transactionId, String note) {
    }

    /** Records without a final state created before {@code createdBefore} and not checked since {@code checkedBefore}. */
    List<InvoiceRecord> unsettled(Instant createdBefore, Instant checkedBefore, int limit);

    /**
     * Takes the next check of one record: true for exactly one caller that saw {@code seenChecks}
     * (one node per invoice per sweep, however many nodes sweep).
     */
    boolean takeCheck(String invoiceId, int seenChecks, Instant now);

    /**
     * Locks an order's checkout for {@code holder}: true if it was free, or held for longer than
     * {@code staleAfter} (its holder died). Two "Pay" clicks thus create one invoice.
     */
    boolean lockOrder(String orderId, long holder, Instant now, Duration staleAfter);

    void unlockOrder(String orderId, long holder);

    /**
     * Records {@code transactionId} as the one that paid {@code orderId} unless another one did
     * already; returns the paying transaction either way. Inside the IPN's transaction a
     * concurrent payment of the same order is waited for, so exactly one transaction pays an order.
     */
    String recordPayment(String orderId, String transactionId, String invoiceId, Instant now);


    /** The transaction recorded as the one that paid {@code orderId}, if any. */
    Optional<String> paidBy(String orderId);

    /** The refund of a double payment, claimed once: true for the one caller that may send it. */
    boolean claimRefund(String transactionId, String orderId, String paidBy, Instant now);

    /** What became of a claimed refund: {@code REQUESTED} with Payop's id, {@code REFUSED} or {@code UNKNOWN}. */
    void refundOutcome(String transactionId, String state, String refundId, String detail, Instant now);

    /** Deletes records last changed before {@code before}; returns how many. */
    int purge(Instant before);
}
