package io.github.payop4j.withdrawal;

import java.util.List;

/**
 * The answer to a mass withdrawal.
 *
 * @param idempotencyKey the key that was sent; store it with the batch and reuse it to resubmit
 *     the same batch after an unknown outcome, so Payop does not pay twice
 * @param withdrawals the created withdrawals, in request order
 */
public record MassWithdrawalResult(String idempotencyKey, List<CreatedWithdrawal> withdrawals) {
}
