package io.github.payop4j.ipn;

/**
 * What one reconciliation sweep ({@link IpnProcessor#reconcile()}) did with the invoices the
 * library created that had no final state yet.
 *
 * @param checked invoices Payop was asked about in this sweep (another node's share not included)
 * @param applied states the sweep applied itself, through the same journal claim as an IPN:
 *     payments and failures whose IPN never arrived (each also logged as {@code PAYOP-IPN-031})
 * @param alreadyApplied final states an IPN had applied already (nothing done again)
 * @param open invoices Payop still reports as new or pending (asked again later)
 * @param closed invoices that expired without a payment (Payop: overdue)
 * @param gaveUp invoices without a final state past their lifetime: no longer asked about
 *     ({@code PAYOP-IPN-032})
 * @param failed invoices whose check failed (the Payop API or the journal); asked again later
 */
public record ReconciliationReport(int checked, int applied, int alreadyApplied, int open, int closed, int gaveUp,
        int failed) {
}
