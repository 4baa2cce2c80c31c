package io.github.payop4j.internal.ipn;

import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnState;

/**
 * An IPN as Payop's body claims it, after the shape checks; nothing in it is confirmed yet.
 *
 * @param body the raw body, already validated as UTF-8
 */
public record Notification(IpnKind kind, String objectId, String invoiceId, String orderId,
        String sourceTransactionId, Integer stateCode, IpnState state, String errorMessage, String amount,
        String currency, String body) {

    /** The journal claim key of the claimed state. */
    public String stateKey() {
        return StateKeys.of(state, stateCode);
    }
}
