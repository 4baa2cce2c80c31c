package io.github.payop4j.internal.ipn;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.github.payop4j.error.PayopException;
import io.github.payop4j.internal.api.InvoicesApi;
import io.github.payop4j.internal.ipn.journal.InvoiceRecord;
import io.github.payop4j.invoice.Invoice;
import io.github.payop4j.invoice.InvoiceStatus;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnResult;
import io.github.payop4j.ipn.IpnState;
import io.github.payop4j.ipn.ReconciliationReport;
import io.github.payop4j.transaction.Transaction;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;

/**
 * The reconciliation sweep: Payop stops sending an IPN after 24 hours, so an endpoint that was
 * down or refused deliveries for a day would leave paid orders unpaid for good. The sweep asks
 * the API about every invoice the library created that has no final state
 * {@code reconcileAfter} after its creation (the invoice, then its transaction), and applies a
 * final state through the pipeline, from the duplicate check on: the same confirmation, the same
 * journal claim as the IPN, so the state is applied once whether the IPN or the sweep comes
 * first, and once however many nodes sweep (each invoice is also taken by one node per round).
 */
public final class Sweep {

    /** What the journal shows as the source of what the sweep applied. */
    public static final String SOURCE = "reconciliation";
    private static final int BATCH = 200;
    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");

    private final PipelineConfig cfg;
    private final Pipeline pipeline;

    public Sweep(PipelineConfig cfg, Pipeline pipeline) {
        this.cfg = cfg;
        this.pipeline = pipeline;
    }

    private enum Result { APPLIED, ALREADY_APPLIED, OPEN, CLOSED, GAVE_UP, FAILED }

    public ReconciliationReport run() {
        if (cfg.ledger() == null) {
            throw new IllegalStateException("Reconciliation needs the journal's records of the invoices the library"
                    + " created: use IpnJournal.inMemory() or IpnJournal.jdbc(...), not a journal of your own.");
        }
        if (cfg.client() == null || !cfg.client().hasJwtToken()) {
            throw new IllegalStateException("Reconciliation asks Payop's API about transactions, which needs a"
                    + " PayopClient with a JWT token (payop.jwt-token).");
        }
        Instant now = cfg.clock().instant();
        Duration after = cfg.operations().reconcileAfter();
        int[] counts = new int[Result.values().length];
        int checked = 0;
        for (InvoiceRecord r : cfg.ledger().unsettled(now.minus(after), now.minus(cfg.operations().reconcileEvery()),
                BATCH)) {
            if (!cfg.ledger().takeCheck(r.invoiceId(), r.checks(), now)) {
                continue; // another node has it this round
            }
            checked++;
            Result result;
            try {
                result = check(r, now);
            } catch (PayopException | IllegalStateException e) {
                LOG.log(WARNING, () -> "PAYOP-IPN-033 Reconciliation could not ask Payop about invoice " + r.invoiceId()
                        + " of order " + r.orderId() + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                        + "); it is asked again in " + cfg.operations().reconcileEvery().toSeconds() + " s");
                result = Result.FAILED;
            } catch (RuntimeException e) {
                LOG.log(WARNING, "PAYOP-IPN-033 Reconciliation failed on invoice " + r.invoiceId(), e);
                result = Result.FAILED;
            }
            counts[result.ordinal()]++;
        }
        ReconciliationReport report = new ReconciliationReport(checked, counts[Result.APPLIED.ordinal()],
                counts[Result.ALREADY_APPLIED.ordinal()], counts[Result.OPEN.ordinal()],
                counts[Result.CLOSED.ordinal()], counts[Result.GAVE_UP.ordinal()], counts[Result.FAILED.ordinal()]);
        LOG.log(report.applied() + report.gaveUp() + report.failed() > 0 ? INFO : DEBUG,
                () -> "PAYOP-IPN-030 Reconciliation: " + report);
        return report;
    }

    private Result check(InvoiceRecord r, Instant now) {
        Invoice invoice = cfg.client().invoices().get(r.invoiceId());
        String tx = InvoicesApi.transactionOf(invoice);
        if (tx == null) {
            tx = r.transactionId();
        }
        if (tx != null) {
            Transaction t = cfg.client().transactions().get(tx);
            IpnState state = IpnState.of(IpnKind.CHECKOUT, t.stateCode(), t.error());
            if (state.isFinal()) {
                return apply(r, invoice, t, state, now);
            }
        }
        if (invoice.status() == InvoiceStatus.OVERDUE || invoice.status() == InvoiceStatus.FAILED && tx == null) {
            cfg.ledger().updateInvoice(r.invoiceId(), invoice.status() == InvoiceStatus.OVERDUE
                    ? InvoiceRecord.State.OVERDUE : InvoiceRecord.State.FAILED, tx, "reconciliation: Payop reports it "
                    + invoice.status(), now);
            return Result.CLOSED;
        }
        if (!now.isBefore(r.createdAt().plus(InvoiceAttempts.LIFETIME).plus(cfg.operations().reconcileAfter()))) {
            String why = "reconciliation gave up: no final state " + InvoiceAttempts.LIFETIME.toHours()
                    + " h after creation (Payop: invoice " + invoice.status() + (tx == null ? ", no transaction"
                    : ", transaction " + tx) + ")";
            cfg.ledger().updateInvoice(r.invoiceId(), InvoiceRecord.State.GAVE_UP, tx, why, now);
            LOG.log(WARNING, () -> "PAYOP-IPN-032 Invoice " + r.invoiceId() + " of order " + r.orderId() + ": " + why
                    + ". It is no longer asked about; an IPN for it is still applied.");
            return Result.GAVE_UP;
        }
        if (invoice.status() == InvoiceStatus.PENDING && r.state() != InvoiceRecord.State.PENDING || tx != null
                && r.transactionId() == null) {
            cfg.ledger().updateInvoice(r.invoiceId(), InvoiceRecord.State.PENDING, tx, "reconciliation: Payop reports"
                    + " it " + invoice.status(), now);
        }
        return Result.OPEN;
    }

    private Result apply(InvoiceRecord r, Invoice invoice, Transaction t, IpnState state, Instant now) {
        String orderId = t.orderId() != null ? t.orderId() : r.orderId();
        Notification n = new Notification(IpnKind.CHECKOUT, t.id() != null ? t.id() : invoice.id(), r.invoiceId(),
                orderId, null, t.stateCode(), state, t.error() == null || t.error().isEmpty() ? null : t.error(), null,
                null, body(r.invoiceId(), invoice, t, orderId));
        IpnResult result = pipeline.apply(n, SOURCE, now, null);
        switch (result.outcome()) {
            case PROCESSED:
            case ANOMALY:
                LOG.log(WARNING, () -> "PAYOP-IPN-031 Reconciliation applied " + state + " of transaction "
                        + n.objectId() + " (invoice " + r.invoiceId() + ", order " + orderId + ") that no IPN had"
                        + " brought: " + result.reason() + " (entry " + result.journalEntryId() + "). Check that"
                        + " Payop can reach the IPN endpoint.");
                return Result.APPLIED;
            case DUPLICATE:
                cfg.ledger().updateInvoice(r.invoiceId(), state == IpnState.ACCEPTED ? InvoiceRecord.State.PAID
                        : InvoiceRecord.State.FAILED, n.objectId(), "reconciliation: " + state + " was applied", now);
                return Result.ALREADY_APPLIED;
            default:
                LOG.log(WARNING, () -> "PAYOP-IPN-033 Reconciliation could not apply " + state + " of transaction "
                        + n.objectId() + " (invoice " + r.invoiceId() + "): " + result.reason()
                        + "; it is tried again in " + cfg.operations().reconcileEvery().toSeconds() + " s");
                return Result.FAILED;
        }
    }

    /**
     * The journal keeps a body for every delivery: here, the IPN Payop would have sent, built from
     * the API's answer (so an operator can re-drive it like any other), marked as the sweep's.
     */
    private String body(String invoiceId, Invoice invoice, Transaction t, String orderId) {
        var f = cfg.json().builders();
        JsonObjectBuilder tx = f.createObjectBuilder().add("id", t.id() == null ? invoice.id() : t.id())
                .add("state", t.stateCode() == null ? 0 : t.stateCode())
                .add("order", f.createObjectBuilder().add("id", orderId == null ? "" : orderId))
                .add("error", f.createObjectBuilder().add("message", t.error() == null ? "" : t.error()).add("code", ""));
        JsonObjectBuilder inv = f.createObjectBuilder().add("id", invoiceId)
                .add("status", invoice.statusCode() == null ? 0 : invoice.statusCode())
                .add("txid", t.id() == null ? "" : t.id());
        return cfg.json().write(f.createObjectBuilder().add("invoice", inv).add("transaction", tx)
                .add("payop4j", f.createObjectBuilder().add("source", SOURCE)).build());
    }
}
