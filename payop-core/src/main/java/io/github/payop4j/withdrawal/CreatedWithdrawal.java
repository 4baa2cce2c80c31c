package io.github.payop4j.withdrawal;

import jakarta.json.JsonObject;

/**
 * One withdrawal created by a mass request.
 *
 * @param id the withdrawal id to poll or to match with its IPN
 * @param metadata what Payop echoed (empty object when none)
 */
public record CreatedWithdrawal(String id, JsonObject metadata) {
}
