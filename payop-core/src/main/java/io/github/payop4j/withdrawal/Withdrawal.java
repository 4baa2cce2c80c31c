package io.github.payop4j.withdrawal;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A withdrawal (payout) as Payop reports it.
 *
 * @param id withdrawal id
 * @param status the status
 * @param statusCode Payop's raw status code
 * @param amount plain decimal string
 * @param currency its currency
 * @param method the payout method id, if reported
 * @param comment a manager's comment, if any
 * @param metadata merchant metadata (empty object when none)
 * @param createdAt creation time, if reported
 * @param raw the whole JSON object
 */
public record Withdrawal(String id, WithdrawalStatus status, Integer statusCode, String amount, String currency,
        Integer method, String comment, JsonObject metadata, Instant createdAt, JsonObject raw) {
}
