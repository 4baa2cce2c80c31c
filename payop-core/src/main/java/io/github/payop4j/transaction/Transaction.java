package io.github.payop4j.transaction;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A checkout transaction as Payop reports it (v2 "get" and v1 "filter" shapes alike).
 *
 * @param id transaction id
 * @param state the state
 * @param stateCode Payop's raw state code
 * @param error Payop's error text ("" or {@code null} when none)
 * @param orderId the shop's order id ({@code orderId} or {@code orderIdentifier})
 * @param amount order amount as a plain decimal string
 * @param currency order currency
 * @param payAmount what the payer paid, if reported
 * @param payCurrency the payer's currency, if reported
 * @param paymentMethod method id, if reported
 * @param createdAt creation time
 * @param updatedAt last change, if reported
 * @param resultUrl the invoice's result URL, if reported
 * @param raw the whole JSON object
 */
public record Transaction(String id, TransactionState state, Integer stateCode, String error, String orderId,
        String amount, String currency, String payAmount, String payCurrency, Integer paymentMethod,
        Instant createdAt, Instant updatedAt, String resultUrl, JsonObject raw) {
}
