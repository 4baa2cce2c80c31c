package io.github.payop4j.internal.ipn;

import io.github.payop4j.ipn.IpnState;

/**
 * What the Payop API says about a notification's object. State, ids, amount and currency are
 * the API's where it answered; for {@link Status#NOT_FOUND} and {@link Status#UNREACHABLE}, and
 * without confirmation, they are the IPN's claim.
 */
public record Confirmation(Status status, boolean fromApi, IpnState state, Integer stateCode, String orderId,
        String amount, String currency, String sourceTransactionId, String errorMessage, String detail) {

    public enum Status {
        /** The API agrees (or confirmation is off). */
        CONFIRMED,
        /** The API does not know the object: forged. */
        NOT_FOUND,
        /** The API reports another final state, id or order. */
        UNCONFIRMED,
        AMOUNT_MISMATCH,
        CURRENCY_MISMATCH,
        /** The API still reports new/pending/pre-approved while the IPN claims a final state. */
        LAGGING,
        /** No usable answer: connection failure, 5xx, 429, refused token. */
        UNREACHABLE
    }

    /** The IPN's own claim, unconfirmed. */
    static Confirmation ofClaim(Status status, Notification n, String detail) {
        return new Confirmation(status, false, n.state(), n.stateCode(), n.orderId(), n.amount(), n.currency(),
                n.sourceTransactionId(), n.errorMessage(), detail);
    }

    Confirmation with(Status newStatus, String newDetail) {
        return new Confirmation(newStatus, fromApi, state, stateCode, orderId, amount, currency, sourceTransactionId,
                errorMessage, newDetail);
    }
}
