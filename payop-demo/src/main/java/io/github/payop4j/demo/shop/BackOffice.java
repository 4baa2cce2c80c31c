package io.github.payop4j.demo.shop;

import io.github.payop4j.PayopClient;
import io.github.payop4j.balance.CurrencyBalance;
import io.github.payop4j.money.Amount;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.withdrawal.CreatedWithdrawal;
import io.github.payop4j.withdrawal.MassWithdrawalResult;
import io.github.payop4j.withdrawal.WithdrawalRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the shop's staff do through Payop's API, with the adapter's {@code @Inject PayopClient}.
 * The outcomes arrive later as IPNs ({@link PaymentObserver}).
 */
@ApplicationScoped
public class BackOffice {

    /** Payop's PayDo wallet payout method. */
    static final int PAYDO_PAYOUT_METHOD = 15;

    @Inject
    PayopClient payop;

    @Inject
    Orders orders;

    @Inject
    Payouts payouts;

    /** Refunds part (or all) of a paid order; returns the refund id. The refund IPN settles it. */
    public String refund(String orderId, String amount) {
        Order order = orders.find(orderId)
                .orElseThrow(() -> new IllegalArgumentException("There is no order " + orderId + "."));
        Amount value = Amount.of(amount == null ? "" : amount.trim());
        order.checkRefund(value.toBigDecimal());
        String refundId = payop.refunds().create(RefundRequest.partial(order.paidBy(), value));
        orders.refundRequested(refundId, orderId, value.value());
        return refundId;
    }

    /** Pays a supplier from the Payop wallet (PayDo); the withdrawal IPN settles it. */
    public List<String> payout(String amount, String currency, String email) {
        Amount value = Amount.of(amount == null ? "" : amount.trim());
        CurrencyCode code = CurrencyCode.of(currency == null ? "" : currency.trim());
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("The supplier's PayDo email address is missing or invalid.");
        }
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("direction", "Supplier payout");
        recipient.put("email", email);
        recipient.put("recipientAccountType", 1);
        // One idempotency key per batch: a retried request can never pay twice.
        MassWithdrawalResult result = payop.withdrawals().createMass(
                List.of(WithdrawalRequest.of(PAYDO_PAYOUT_METHOD, value, code, recipient)), UUID.randomUUID().toString());
        for (CreatedWithdrawal w : result.withdrawals()) {
            payouts.requested(w.id(), value.value(), code.code(), email);
        }
        return result.withdrawals().stream().map(CreatedWithdrawal::id).toList();
    }

    public List<CurrencyBalance> balances() {
        return payop.wallet().balances().currencies();
    }
}
