package io.github.payop4j.balance;

/** The merchant's wallet. Needs the JWT token; Payop allows 10 calls a minute. */
public interface Wallet {

    /** Balances in every currency, without totals. */
    WalletBalances balances();

    /** Balances as the query selects them, for example {@code BalanceQuery.currencies(eur).withTotals()}. */
    WalletBalances balances(BalanceQuery query);
}
