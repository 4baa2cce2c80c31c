package io.github.payop4j.testkit.internal.state;

/**
 * Told of every state change that Payop notifies the shop of. Called under the store lock, so
 * the IPN body is a snapshot of the very change.
 */
public interface Notifier {

    void paymentChanged(Payment payment, Runnable afterAcknowledged);

    void refundChanged(RefundState refund);

    void withdrawalChanged(WithdrawalState withdrawal);

    /** Runs {@code task} on the emulator's scheduler after {@code delayMillis}. */
    void later(long delayMillis, Runnable task);
}
