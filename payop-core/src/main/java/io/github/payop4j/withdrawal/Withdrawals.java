package io.github.payop4j.withdrawal;

import java.util.List;
import java.util.Optional;

/** Payouts from the merchant's wallet. Needs the JWT token and the withdrawal certificate. */
public interface Withdrawals {

    /**
     * Seals the batch to the withdrawal certificate and submits it with a fresh random
     * idempotency key (returned in the result).
     */
    MassWithdrawalResult createMass(List<WithdrawalRequest> payouts);

    /**
     * Submits the batch with the caller's idempotency key. This is the only POST the client
     * retries on a connection failure, timeout, 429 or 502-504, always with the same key, so
     * Payop can recognise the repeat. Reuse the key to resubmit the same batch after an unknown
     * outcome; never reuse it for a different batch.
     */
    MassWithdrawalResult createMass(List<WithdrawalRequest> payouts, String idempotencyKey);

    /** One withdrawal, or empty when Payop knows none with that id. */
    Optional<Withdrawal> get(String withdrawalId);

    /** All of the merchant's withdrawals. */
    List<Withdrawal> list();

    /** The payout methods available through the API. */
    List<WithdrawalMethod> methods();
}
