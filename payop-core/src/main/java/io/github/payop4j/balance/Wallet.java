package io.github.payop4j.balance;

import io.github.payop4j.money.CurrencyCode;
import java.util.Collection;

/** The merchant's wallet. Needs the JWT token; Payop allows 10 calls a minute. */
public interface Wallet {

    /** Balances in every currency, without totals. */
    WalletBalances balances();

    /**
     * Balances, optionally with totals and for selected currencies only (empty for all).
     */
    WalletBalances balances(boolean includeTotal, Collection<CurrencyCode> currencies);
}
