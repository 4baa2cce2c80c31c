package io.github.payop4j.testkit.internal.state;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Mass withdrawals after the sealed box was opened and the batch validated. An idempotency key
 * that was seen before returns the payouts it created, never new ones. A payout the wallet cannot
 * cover is created and then rejected, as Payop rejects it after the fact.
 */
public final class PayoutFlow {

    public static final String INSUFFICIENT = "Insufficient funds on the balance";

    private final Store store;

    public PayoutFlow(Store store) {
        this.store = store;
    }

    /** One validated payout of the batch. */
    public record Payout(int method, int commissionType, String amount, String currency, JsonObject additionalData,
            JsonObject metadata) {
    }

    /** The payouts of this key: created now, or the ones created the first time the key was used. */
    public List<WithdrawalState> create(String idempotencyKey, List<Payout> batch) {
        synchronized (store) {
            if (idempotencyKey != null && store.payoutKeys.containsKey(idempotencyKey)) {
                return store.payoutKeys.get(idempotencyKey).stream().map(store.withdrawals::get).toList();
            }
            List<WithdrawalState> created = new ArrayList<>();
            List<Runnable> decisions = new ArrayList<>();
            for (Payout p : batch) {
                WithdrawalState w = new WithdrawalState(Store.newId(), p.method(), p.commissionType(), p.amount(),
                        p.currency(), p.additionalData(), p.metadata(), Store.now());
                store.withdrawals.put(w.id, w);
                created.add(w);
                boolean covered = store.wallet.debit(p.currency(), new BigDecimal(p.amount()));
                decisions.add(() -> settle(w, covered, covered ? "" : INSUFFICIENT));
            }
            if (idempotencyKey != null) {
                store.payoutKeys.put(idempotencyKey, created.stream().map(w -> w.id).toList());
            }
            long delay = store.settings.settleDelay().toMillis();
            for (Runnable decision : decisions) {
                if (delay == 0) {
                    decision.run();
                } else {
                    store.notifier.later(delay, decision);
                }
            }
            return created;
        }
    }

    /** Accepts or rejects a pending payout. The wallet was debited at creation when it could be. */
    private void settle(WithdrawalState w, boolean accepted, String error) {
        synchronized (store) {
            if (w.status != WithdrawalState.PENDING) {
                return;
            }
            w.status = accepted ? WithdrawalState.ACCEPTED : WithdrawalState.REJECTED;
            w.error = error;
            w.comment = accepted ? "Paid out by the Payop emulator" : "Rejected: " + error;
            store.notifier.withdrawalChanged(w);
        }
    }
}
