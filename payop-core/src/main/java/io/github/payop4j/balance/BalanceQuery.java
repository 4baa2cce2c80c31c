package io.github.payop4j.balance;

import io.github.payop4j.money.CurrencyCode;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Which balances to read: every currency or some, with or without totals.
 *
 * <pre>{@code
 * payop.wallet().balances(BalanceQuery.currencies(CurrencyCode.of("EUR")).withTotals());
 * }</pre>
 */
public final class BalanceQuery {

    private static final BalanceQuery ALL = new BalanceQuery(List.of(), false);

    private final List<CurrencyCode> currencies;
    private final boolean totals;

    private BalanceQuery(List<CurrencyCode> currencies, boolean totals) {
        this.currencies = currencies;
        this.totals = totals;
    }

    /** Every currency of the wallet, without totals. */
    public static BalanceQuery allCurrencies() {
        return ALL;
    }

    /** Only these currencies, without totals. */
    public static BalanceQuery currencies(CurrencyCode... codes) {
        return currencies(Arrays.asList(codes));
    }

    public static BalanceQuery currencies(Collection<CurrencyCode> codes) {
        codes.forEach(c -> Objects.requireNonNull(c, "currency"));
        return new BalanceQuery(List.copyOf(codes), false);
    }

    /** The same query, asking Payop for each currency's total as well. */
    public BalanceQuery withTotals() {
        return new BalanceQuery(currencies, true);
    }

    /** The selected currencies; empty for all. */
    public List<CurrencyCode> selectedCurrencies() {
        return currencies;
    }

    public boolean includesTotals() {
        return totals;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BalanceQuery q && q.currencies.equals(currencies) && q.totals == totals;
    }

    @Override
    public int hashCode() {
        return Objects.hash(currencies, totals);
    }

    @Override
    public String toString() {
        return "BalanceQuery[currencies=" + (currencies.isEmpty() ? "all" : currencies) + ", totals=" + totals + "]";
    }
}
