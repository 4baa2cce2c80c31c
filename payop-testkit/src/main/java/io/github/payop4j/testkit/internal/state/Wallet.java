package io.github.payop4j.testkit.internal.state;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The merchant's one wallet: an available and a pending balance per currency. Accepted payments
 * add to available; refunds and payouts take from it when they are created (a rejected one gives
 * it back), so a payout cannot spend money a refund already took. No commission is charged.
 */
public final class Wallet {

    private final Map<String, BigDecimal> available = new TreeMap<>();
    private final Map<String, BigDecimal> pending = new TreeMap<>();

    public void open(String currency, BigDecimal initial) {
        available.merge(currency, initial, BigDecimal::add);
        pending.putIfAbsent(currency, BigDecimal.ZERO);
    }

    public void credit(String currency, BigDecimal amount) {
        open(currency, amount);
    }

    /** Takes {@code amount} if available; false (and nothing taken) otherwise. */
    public boolean debit(String currency, BigDecimal amount) {
        BigDecimal have = available.getOrDefault(currency, BigDecimal.ZERO);
        if (have.compareTo(amount) < 0) {
            return false;
        }
        available.put(currency, have.subtract(amount));
        pending.putIfAbsent(currency, BigDecimal.ZERO);
        return true;
    }

    public Map<String, BigDecimal> available() {
        return new TreeMap<>(available);
    }

    public BigDecimal pending(String currency) {
        return pending.getOrDefault(currency, BigDecimal.ZERO);
    }

    public void clear() {
        available.clear();
        pending.clear();
    }
}
