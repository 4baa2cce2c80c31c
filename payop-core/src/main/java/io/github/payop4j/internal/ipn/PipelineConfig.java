package io.github.payop4j.internal.ipn;

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
 * @param confirmer {@code null} when API confirmation is off
 * @param orderLookup {@code null} when the shop supplies none
 * @param duplicateWait how long a delivery waits for another delivery of the same state
 * @param maxWaiters how many threads may wait so at once
 */
public record PipelineConfig(IpnSourcePolicy sources, Confirmer confirmer, IpnOrderLookup orderLookup,
        List<IpnHandler> handlers, IpnJournal journal, IpnTransactions transactions, Duration lease,
        Duration duplicateWait, int maxWaiters, int maxBodyBytes, Clock clock, JsonCodec json) {

    public PipelineConfig {
        handlers = List.copyOf(handlers);
    }
}
