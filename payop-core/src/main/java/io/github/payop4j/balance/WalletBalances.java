package io.github.payop4j.balance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A point-in-time snapshot of the wallet.
 *
 * @param snapshotAt when Payop computed it, or {@code null} if absent
 * @param currencies one entry per currency
 */
public record WalletBalances(Instant snapshotAt, List<CurrencyBalance> currencies) {

    public Optional<CurrencyBalance> currency(String code) {
        return currencies.stream().filter(c -> c.currency() != null && c.currency().equalsIgnoreCase(code)).findFirst();
    }
}
