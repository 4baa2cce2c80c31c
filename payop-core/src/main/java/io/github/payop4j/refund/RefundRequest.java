package io.github.payop4j.refund;

import io.github.payop4j.money.Amount;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A full or partial refund of a transaction. Create with {@link #full(String)} or
 * {@link #partial(String, Amount)}.
 *
 * @param transactionId the original (paid) transaction
 * @param amount {@code null} for a full refund; the partial amount, in the transaction's currency
 * @param metadata merchant data, or empty
 */
public record RefundRequest(String transactionId, Amount amount, Map<String, Object> metadata) {

    public RefundRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        if (transactionId.isBlank()) {
            throw new IllegalArgumentException("transactionId must not be blank");
        }
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Refund everything that was paid. */
    public static RefundRequest full(String transactionId) {
        return new RefundRequest(transactionId, null, null);
    }

    /** Refund part of the payment. */
    public static RefundRequest partial(String transactionId, Amount amount) {
        return new RefundRequest(transactionId, Objects.requireNonNull(amount, "amount"), null);
    }

    public RefundRequest metadata(Map<String, ?> value) {
        return new RefundRequest(transactionId, amount, value == null ? null : new LinkedHashMap<>(value));
    }

    /** Payop's {@code refundType}: 1 full, 2 partial. */
    public int refundType() {
        return amount == null ? 1 : 2;
    }
}
