package io.github.payop4j.internal.ipn;

import io.github.payop4j.PayopClient;
import io.github.payop4j.internal.ipn.journal.Ledger;
import io.github.payop4j.internal.json.JsonCodec;
import io.github.payop4j.ipn.IpnHandler;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.ipn.IpnSourcePolicy;
import io.github.payop4j.ipn.IpnTransactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything one {@link Pipeline} needs, validated by the public builder.
 *
 * @param client the Payop client (checkout invoices, the sweep, refunds), {@code null} when none was given
 * @param confirmer {@code null} when API confirmation is off
 * @param orderLookup {@code null} when the shop supplies none
 * @param ledger what the library records beside the journal, {@code null} for a journal of the shop's own
 * @param duplicateWait how long a delivery waits for another delivery of the same state
 * @param maxWaiters how many threads may wait so at once
 * @param maxApplying how many deliveries are applied at once; the others wait their turn
 * @param operations retention, reconciliation and refund settings
 */
public record PipelineConfig(IpnSourcePolicy sources, PayopClient client, Confirmer confirmer,
        IpnOrderLookup orderLookup, List<IpnHandler> handlers, IpnJournal journal, Ledger ledger,
        IpnTransactions transactions, Duration lease, Duration duplicateWait, int maxWaiters, int maxApplying,
        int maxBodyBytes, Clock clock, JsonCodec json, Operations operations) {

    public PipelineConfig {
        handlers = List.copyOf(handlers);
    }

    /**
     * @param retention deliveries older than this are purged
     * @param reconcileAfter the sweep asks about an invoice without a final state this long after its creation
     * @param reconcileEvery and asks again no sooner than this
     * @param refundDoublePayments refund a second payment of an order automatically
     */
    public record Operations(Duration retention, Duration reconcileAfter, Duration reconcileEvery,
            boolean refundDoublePayments) {
    }
}
