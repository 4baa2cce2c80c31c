package io.github.payop4j.ipn;

import java.time.Instant;

/**
 * What is known about one IPN once it has been checked. When {@link #confirmedWithApi()} is
 * true, state, order id, amount and currency are the Payop API's answer, not the IPN's claim.
 *
 * @param kind checkout, refund or withdrawal
 * @param journalEntryId the journal entry of the delivery that produced this event
 * @param objectId the transaction, refund or withdrawal id
 * @param invoiceId the invoice id (checkout), else {@code null}
 * @param orderId the shop's order id (checkout), else {@code null}
 * @param sourceTransactionId the refunded transaction (refund), else {@code null}
 * @param state the confirmed state
 * @param stateCode Payop's raw code for it
 * @param claimedState the state the IPN claimed
 * @param claimedStateCode the IPN's raw code
 * @param amount plain decimal string, {@code null} when unknown (a checkout IPN carries no
 *     amount: it comes from the API)
 * @param currency currency code, {@code null} when unknown
 * @param errorMessage Payop's error message, {@code null} when none
 * @param sourceAddress the client address the IPN came from (after trusted proxies)
 * @param receivedAt when the delivery arrived
 * @param confirmedWithApi whether the Payop API confirmed state, ids and amount
 */
public record IpnFacts(IpnKind kind, long journalEntryId, String objectId, String invoiceId, String orderId,
        String sourceTransactionId, IpnState state, Integer stateCode, IpnState claimedState,
        Integer claimedStateCode, String amount, String currency, String errorMessage, String sourceAddress,
        Instant receivedAt, boolean confirmedWithApi) {
}
