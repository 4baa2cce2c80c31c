package io.github.payop4j.internal.ipn;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.github.payop4j.PayopClient;
import io.github.payop4j.error.PayopException;
import io.github.payop4j.error.PayopOrderPaidException;
import io.github.payop4j.error.PayopPaymentUnderWayException;
import io.github.payop4j.error.PayopTimeoutException;
import io.github.payop4j.internal.api.InvoicesApi;
import io.github.payop4j.internal.ipn.journal.InvoiceRecord;
import io.github.payop4j.internal.ipn.journal.Ledger;
import io.github.payop4j.invoice.CreatedInvoice;
import io.github.payop4j.invoice.Invoice;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.InvoiceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One invoice per order attempt. Paying an order again reuses its newest invoice while the amount
 * and currency are unchanged and Payop still accepts payment for it (status new or pending, and
 * more than {@link #REUSE_MARGIN} of its {@link #LIFETIME} left); a failed, expired or changed
 * one gets a successor, and a paid order gets none.
 *
 * <p>Every decision is taken under the order's lock row in the ledger, so two "Pay" clicks, on
 * one node or two, create one invoice: the second waits for the first and then reuses its invoice.
 */
public final class InvoiceAttempts {

    /** Payop's default invoice lifetime; afterwards the invoice is overdue. */
    public static final Duration LIFETIME = Duration.ofHours(24);
    /** An invoice with less life left is not handed to a payer again. */
    static final Duration REUSE_MARGIN = Duration.ofHours(1);
    /** A lock older than this belongs to a checkout that died (longer than any Payop call). */
    static final Duration LOCK_STALE = Duration.ofMinutes(2);
    /** How long a second click waits for the first one's invoice. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(45);

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");

    private final PayopClient client;
    private final Ledger ledger;
    private final Clock clock;

    public InvoiceAttempts(PayopClient client, Ledger ledger, Clock clock) {
        this.client = client;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * @param forTransaction the caller starts a checkout transaction on the invoice (direct and
     *     card flows): an open invoice with one under way is then not reused but refused
     */
    public CreatedInvoice invoiceFor(InvoiceRequest request, boolean forTransaction) {
        String orderId = request.orderId();
        long holder = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE; // 63 bits: unique among nodes
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        long pause = 20;
        while (!ledger.lockOrder(orderId, holder, clock.instant(), LOCK_STALE)) {
            if (System.nanoTime() > deadline) {
                throw new PayopTimeoutException("Another checkout of order " + orderId + " is still creating its"
                        + " invoice after " + LOCK_WAIT.toSeconds() + " s; try again in a moment.", false, null);
            }
            sleep(pause);
            pause = Math.min(pause * 2, 250);
        }
        try {
            return decide(request, forTransaction);
        } finally {
            ledger.unlockOrder(orderId, holder);
        }
    }

    private CreatedInvoice decide(InvoiceRequest request, boolean forTransaction) {
        String orderId = request.orderId();
        Optional<String> paidBy = ledger.paidBy(orderId);
        if (paidBy.isPresent()) {
            throw new PayopOrderPaidException(orderId, paidBy.get());
        }
        Optional<InvoiceRecord> latest = ledger.latestInvoice(orderId);
        if (latest.isPresent() && latest.get().state().unsettled()) {
            Optional<CreatedInvoice> reused = reuse(latest.get(), request, forTransaction);
            if (reused.isPresent()) {
                return reused.get();
            }
        }
        CreatedInvoice created = client.invoices().create(request);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as databases keep it
        if (latest.isPresent() && !now.isAfter(latest.get().createdAt())) {
            now = latest.get().createdAt().plus(1, java.time.temporal.ChronoUnit.MICROS); // newest stays newest
        }
        ledger.recordInvoice(InvoiceRecord.created(created.invoiceId(), orderId, request.amount().value(),
                request.currency().code(), now));
        LOG.log(INFO, () -> "PAYOP-IPN-020 Invoice " + created.invoiceId() + " created for order " + orderId
                + latest.map(r -> " (replaces " + r.invoiceId() + ": " + ledger.invoice(r.invoiceId())
                        .map(InvoiceRecord::note).orElse("") + ")").orElse(""));
        return created;
    }

    /** The record's invoice if Payop still takes payment for it; else the record says why not. */
    private Optional<CreatedInvoice> reuse(InvoiceRecord r, InvoiceRequest request, boolean forTransaction) {
        Instant now = clock.instant();
        boolean sameMoney = Decimals.sameAmount(r.amount(), request.amount().value())
                && Decimals.sameCurrency(r.currency(), request.currency().code());
        if (!sameMoney) {
            supersede(r, "the order now costs " + request.amount().value() + " " + request.currency().code()
                    + ", not " + r.amount() + " " + r.currency(), now);
            return Optional.empty();
        }
        if (!now.isBefore(r.createdAt().plus(LIFETIME).minus(REUSE_MARGIN))) {
            ledger.updateInvoice(r.invoiceId(), InvoiceRecord.State.SUPERSEDED, null, "less than "
                    + REUSE_MARGIN.toMinutes() + " min of its lifetime left", now);
            return Optional.empty();
        }
        Invoice invoice = client.invoices().get(r.invoiceId()); // a failure here fails the checkout: no guess
        String tx = InvoicesApi.transactionOf(invoice);
        InvoiceStatus status = invoice.status();
        if (status == InvoiceStatus.PENDING && forTransaction) {
            ledger.updateInvoice(r.invoiceId(), InvoiceRecord.State.PENDING, tx, "a payment is under way", now);
            throw new PayopPaymentUnderWayException(r.orderId(), r.invoiceId());
        }
        if (status == InvoiceStatus.NEW || status == InvoiceStatus.PENDING) {
            LOG.log(INFO, () -> "PAYOP-IPN-020 Invoice " + r.invoiceId() + " reused for order " + r.orderId()
                    + " (Payop: " + status + ")");
            return Optional.of(((InvoicesApi) client.invoices()).existing(r.invoiceId(), r.amount(), r.currency(),
                    r.orderId(), request.language()));
        }
        if (status == InvoiceStatus.PAID) {
            // Not PAID yet in the record: that is the applied IPN's (or the sweep's) word. Left unsettled,
            // the sweep applies it should the IPN be lost, and the next click lands here again.
            ledger.updateInvoice(r.invoiceId(), InvoiceRecord.State.PENDING, tx, "Payop reports it paid; the IPN"
                    + " or the sweep applies it", now);
            throw new PayopOrderPaidException(r.orderId(), tx == null ? "(unknown to the library yet)" : tx);
        }
        InvoiceRecord.State state = status == InvoiceStatus.FAILED ? InvoiceRecord.State.FAILED
                : status == InvoiceStatus.OVERDUE ? InvoiceRecord.State.OVERDUE : InvoiceRecord.State.UNKNOWN;
        ledger.updateInvoice(r.invoiceId(), state, tx, "Payop reports it " + status + " (code " + invoice.statusCode()
                + ")", now);
        return Optional.empty();
    }

    /**
     * A changed order gets a new invoice; a payment still under way on the old one is voided, as
     * Payop's docs advise before starting again with a fresh invoice (best effort: if it still
     * completes, the order check reports the old amount as a mismatch, never as a payment).
     */
    private void supersede(InvoiceRecord r, String why, Instant now) {
        ledger.updateInvoice(r.invoiceId(), InvoiceRecord.State.SUPERSEDED, null, why, now);
        try {
            if (client.invoices().get(r.invoiceId()).status() == InvoiceStatus.PENDING) {
                client.checkout().voidTransaction(r.invoiceId());
            }
        } catch (PayopException | IllegalStateException e) {
            LOG.log(WARNING, () -> "PAYOP-IPN-021 Could not void the pending payment of the replaced invoice "
                    + r.invoiceId() + " of order " + r.orderId() + " (" + e.getClass().getSimpleName() + "): if it"
                    + " still completes, it is reported as an AMOUNT_MISMATCH anomaly");
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PayopTimeoutException("Interrupted while waiting for another checkout of the same order",
                    false, e);
        }
    }
}
