package io.github.payop4j.withdrawal;

import io.github.payop4j.money.Amount;
import io.github.payop4j.money.CurrencyCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One payout of a mass withdrawal.
 *
 * @param method the payout method id (for example 15 for PayDo)
 * @param fee who bears Payop's fee: the wallet (default) or the withdrawn amount
 * @param amount the amount
 * @param currency the currency
 * @param additionalData method-specific recipient data (for example {@code direction},
 *     {@code email}, {@code recipientAccountType})
 * @param metadata merchant data echoed in the IPN, or empty
 */
public record WithdrawalRequest(int method, WithdrawalFee fee, Amount amount, CurrencyCode currency,
        Map<String, Object> additionalData, Map<String, Object> metadata) {

    public WithdrawalRequest {
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        additionalData = additionalData == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(additionalData));
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A payout with the fee taken from the wallet. */
    public static WithdrawalRequest of(int method, Amount amount, CurrencyCode currency, Map<String, ?> additionalData) {
        return new WithdrawalRequest(method, WithdrawalFee.FROM_WALLET, amount, currency,
                additionalData == null ? null : new LinkedHashMap<>(additionalData), null);
    }

    /** The same payout with the fee borne as stated, for example {@code fee(WithdrawalFee.FROM_WITHDRAWAL)}. */
    public WithdrawalRequest fee(WithdrawalFee value) {
        return new WithdrawalRequest(method, value, amount, currency, additionalData, metadata);
    }

    public WithdrawalRequest metadata(Map<String, ?> value) {
        return new WithdrawalRequest(method, fee, amount, currency, additionalData,
                value == null ? null : new LinkedHashMap<>(value));
    }

    /** Payop's commission {@code type}: 1 from wallet, 2 from the withdrawal. */
    public int commissionType() {
        return fee.commissionType();
    }
}
