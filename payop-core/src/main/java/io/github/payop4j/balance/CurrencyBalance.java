package io.github.payop4j.balance;

/**
 * The wallet's balances in one currency, as exact decimal strings (they may be negative).
 *
 * @param currency ISO code
 * @param available spendable now
 * @param referral referral earnings
 * @param pending on hold
 * @param reserve locked
 * @param total the sum, or {@code null} unless requested with {@link BalanceQuery#withTotals()}
 */
public record CurrencyBalance(String currency, String available, String referral, String pending, String reserve,
        String total) {
}
