package io.github.payop4j.internal.ipn.journal;

import io.github.payop4j.ipn.IpnJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Ledger} in memory, beside {@link InMemoryJournal}: one monitor guards it all (checkouts
 * and payments are far rarer than IPN deliveries). Bounded like the journal: past the cap the
 * oldest invoice records, payments and refunds are forgotten first.
 */
final class InMemoryLedger implements Ledger {

    private final int max;
    private final Map<String, InvoiceRecord> invoices = new LinkedHashMap<>();
    private final Map<String, Instant> updated = new LinkedHashMap<>();
    private final Map<String, Lock> locks = new LinkedHashMap<>();
    private final Map<String, Payment> payments = new LinkedHashMap<>();
    private final Map<String, Refund> refunds = new LinkedHashMap<>();

    private record Lock(long holder, Instant at) {
    }

    private record Payment(String transactionId, Instant at) {
    }

    private record Refund(String state, Instant at) {
    }

    private final IpnJournal journal;

    InMemoryLedger(int max, IpnJournal journal) {
        this.max = max;
        this.journal = journal;
    }

    @Override
    public void markApplied(IpnJournal.Key key, IpnJournal.Entry delivery, InvoiceUpdate invoice, Instant now) {
        if (invoice != null) {
            updateInvoice(invoice.invoiceId(), invoice.state(), invoice.transactionId(), invoice.note(), now);
        }
        journal.markApplied(key, delivery, now);
    }

    @Override
    public synchronized void recordInvoice(InvoiceRecord r) {
        if (invoices.putIfAbsent(r.invoiceId(), r) != null) {
            throw new JournalException("invoice " + r.invoiceId() + " is recorded already", null);
        }
        updated.put(r.invoiceId(), r.createdAt());
        bound(invoices);
        bound(updated);
    }

    @Override
    public synchronized Optional<InvoiceRecord> invoice(String invoiceId) {
        return Optional.ofNullable(invoices.get(invoiceId));
    }

    @Override
    public synchronized Optional<InvoiceRecord> latestInvoice(String orderId) {
        return invoices.values().stream().filter(r -> r.orderId().equals(orderId))
                .max(Comparator.comparing(InvoiceRecord::createdAt));
    }

    @Override
    public synchronized void updateInvoice(String invoiceId, InvoiceRecord.State state, String transactionId,
            String note, Instant now) {
        InvoiceRecord r = invoices.get(invoiceId);
        if (r == null || r.state() == InvoiceRecord.State.PAID) {
            return;
        }
        invoices.put(invoiceId, new InvoiceRecord(r.invoiceId(), r.orderId(), r.amount(), r.currency(), r.createdAt(),
                state, transactionId != null ? transactionId : r.transactionId(), r.checks(), r.checkedAt(), note));
        updated.put(invoiceId, now);
    }

    @Override
    public synchronized List<InvoiceRecord> unsettled(Instant createdBefore, Instant checkedBefore, int limit) {
        return invoices.values().stream().filter(r -> r.state().unsettled() && !r.createdAt().isAfter(createdBefore)
                && (r.checkedAt() == null || !r.checkedAt().isAfter(checkedBefore)))
                .sorted(Comparator.comparing(InvoiceRecord::createdAt)).limit(Limits.check(limit)).toList();
    }

    @Override
    public synchronized boolean takeCheck(String invoiceId, int seenChecks, Instant now) {
        InvoiceRecord r = invoices.get(invoiceId);
        if (r == null || r.checks() != seenChecks) {
            return false;
        }
        invoices.put(invoiceId, new InvoiceRecord(r.invoiceId(), r.orderId(), r.amount(), r.currency(), r.createdAt(),
                r.state(), r.transactionId(), r.checks() + 1, now, r.note()));
        return true;
    }

    @Override
    public synchronized boolean lockOrder(String orderId, long holder, Instant now, Duration staleAfter) {
        Lock held = locks.get(orderId);
        if (held != null && held.at().isAfter(now.minus(staleAfter))) {
            return false;
        }
        locks.put(orderId, new Lock(holder, now));
        return true;
    }

    @Override
    public synchronized void unlockOrder(String orderId, long holder) {
        Lock held = locks.get(orderId);
        if (held != null && held.holder() == holder) {
            locks.remove(orderId);
        }
    }

    @Override
    public synchronized String recordPayment(String orderId, String transactionId, String invoiceId, Instant now) {
        Payment p = payments.putIfAbsent(orderId, new Payment(transactionId, now));
        bound(payments);
        return p == null ? transactionId : p.transactionId();
    }


    @Override
    public synchronized Optional<String> paidBy(String orderId) {
        return Optional.ofNullable(payments.get(orderId)).map(Payment::transactionId);
    }

    @Override
    public synchronized boolean claimRefund(String transactionId, String orderId, String paidBy, Instant now) {
        boolean claimed = refunds.putIfAbsent(transactionId, new Refund("CLAIMED", now)) == null;
        bound(refunds);
        return claimed;
    }

    @Override
    public synchronized void refundOutcome(String transactionId, String state, String refundId, String detail,
            Instant now) {
        refunds.computeIfPresent(transactionId, (k, r) -> new Refund(state, now));
    }

    @Override
    public synchronized int purge(Instant before) {
        int n = 0;
        for (Iterator<Map.Entry<String, Instant>> it = updated.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue().isBefore(before)) {
                invoices.remove(e.getKey());
                it.remove();
                n++;
            }
        }
        int others = locks.size() + payments.size() + refunds.size();
        locks.values().removeIf(l -> l.at().isBefore(before));
        payments.values().removeIf(p -> p.at().isBefore(before));
        refunds.values().removeIf(r -> r.at().isBefore(before));
        return n + others - (locks.size() + payments.size() + refunds.size());
    }

    /** Insertion order is age order: past the cap the oldest goes. */
    private void bound(Map<String, ?> map) {
        Iterator<String> it = map.keySet().iterator();
        while (map.size() > max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
