package io.github.payop4j.refund;

import jakarta.json.JsonObject;

/**
 * A refund as Payop reports it.
 *
 * @param id refund id
 * @param status the status
 * @param statusCode Payop's raw status code
 * @param amount refunded amount, plain decimal string
 * @param currency its currency
 * @param sourceTransactionId the refunded transaction
 * @param sourceAmount that transaction's amount, if reported
 * @param sourceCurrency that transaction's currency, if reported
 * @param metadata merchant metadata (empty object when none)
 * @param raw the whole JSON object
 */
public record Refund(String id, RefundStatus status, Integer statusCode, String amount, String currency,
        String sourceTransactionId, String sourceAmount, String sourceCurrency, JsonObject metadata, JsonObject raw) {
}
