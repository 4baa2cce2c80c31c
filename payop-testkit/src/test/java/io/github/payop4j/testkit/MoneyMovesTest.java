package io.github.payop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.payop4j.PayopClient;
import io.github.payop4j.balance.BalanceQuery;
import io.github.payop4j.balance.CurrencyBalance;
import io.github.payop4j.error.PayopNotFoundException;
import io.github.payop4j.error.PayopValidationException;
import io.github.payop4j.money.Amount;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.refund.Refund;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.refund.RefundStatus;
import io.github.payop4j.withdrawal.MassWithdrawalResult;
import io.github.payop4j.withdrawal.Withdrawal;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import io.github.payop4j.withdrawal.WithdrawalMethod;
import io.github.payop4j.withdrawal.WithdrawalRequest;
import io.github.payop4j.withdrawal.WithdrawalStatus;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refunds, payouts and the wallet they move, through PayopClient. */
class MoneyMovesTest {

    @RegisterExtension
    static PayopEmulatorExtension payop = PayopEmulatorExtension.with(PayopEmulator.builder().balance("EUR", "100.00"));

    private static String paid(PayopEmulator emulator, PayopClient client, String orderId, String amount) {
        String invoiceId = Invoices.create(client, orderId, amount, 381).invoiceId();
        return emulator.pay(invoiceId);
    }

    private static String available(PayopClient client, String currency) {
        return client.wallet().balances(BalanceQuery.currencies(CurrencyCode.of(currency)).withTotals()).currencies().stream()
                .filter(b -> b.currency().equals(currency)).map(CurrencyBalance::available).findFirst().orElseThrow();
    }

    private static WithdrawalRequest payout(String amount) {
        return WithdrawalRequest.of(15, Amount.of(amount), CurrencyCode.of("EUR"),
                Map.of("direction", "Affiliate payout", "email", "partner@example.com", "recipientAccountType", 1))
                .metadata(Map.of("internalOrderId", "PO-1"));
    }

    @Test
    void partialRefundsUpToTheAmountThenPayops422(PayopEmulator emulator, PayopClient client) {
        String txid = paid(emulator, client, "r-1", "50.00");
        assertEquals("150.00", available(client, "EUR"));

        String first = client.refunds().create(RefundRequest.partial(txid, Amount.of("20.00"))
                .metadata(Map.of("reason", "damaged")));
        String second = client.refunds().create(RefundRequest.partial(txid, Amount.of("30")));
        PayopValidationException tooMuch = assertThrows(PayopValidationException.class,
                () -> client.refunds().create(RefundRequest.partial(txid, Amount.of("0.01"))));
        assertEquals("Refund amount is bigger than transaction amount", tooMuch.payopMessage());
        assertEquals(422, tooMuch.httpStatus());

        Refund r = client.refunds().get(first).orElseThrow();
        assertEquals(RefundStatus.ACCEPTED, r.status());
        assertEquals("20", r.amount());
        assertEquals("EUR", r.currency());
        assertEquals(txid, r.sourceTransactionId());
        assertEquals("damaged", r.metadata().getString("reason"));
        assertEquals(List.of(first, second), client.refunds().list().stream().map(Refund::id).toList());
        assertEquals("100.00", available(client, "EUR"));
    }

    @Test
    void aFullRefundTakesWhatIsLeft(PayopEmulator emulator, PayopClient client) {
        String txid = paid(emulator, client, "r-2", "10.00");
        client.refunds().create(RefundRequest.partial(txid, Amount.of("4.00")));
        String full = client.refunds().create(RefundRequest.full(txid));
        assertEquals("6", client.refunds().get(full).orElseThrow().amount());
        assertThrows(PayopValidationException.class, () -> client.refunds().create(RefundRequest.full(txid)));
        assertThrows(PayopNotFoundException.class, () -> client.refunds().create(RefundRequest.full("no-such-tx")));
    }

    @Test
    void theEmulatorOpensThePayoutItWasSealedFor(PayopEmulator emulator, PayopClient client) {
        MassWithdrawalResult result = client.withdrawals().createMass(List.of(payout("30.00"), payout("5")), "key-1");
        assertEquals(2, result.withdrawals().size());
        Withdrawal w = client.withdrawals().get(result.withdrawals().get(0).id()).orElseThrow();
        // Amount, currency, method and metadata can only come from the opened box.
        assertEquals("30", w.amount());
        assertEquals("EUR", w.currency());
        assertEquals(15, w.method());
        assertEquals("PO-1", w.metadata().getString("internalOrderId"));
        assertEquals(WithdrawalStatus.ACCEPTED, w.status());
        assertEquals("PO-1", result.withdrawals().get(0).metadata().getString("internalOrderId"));
        assertEquals("65.00", available(client, "EUR"));
    }

    @Test
    void aPayoutSealedToAnotherKeyIsRefused(PayopEmulator emulator) {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        try (PayopClient wrongCertificate = PayopClient.builder().apiUrl(emulator.apiUrl())
                .jwtToken(emulator.jwtToken())
                .withdrawalCertificate(WithdrawalCertificate.fromBytes(io.github.payop4j.internal.crypto.SealedBox.publicKeyOf(otherKey))).build()) {
            PayopValidationException e = assertThrows(PayopValidationException.class,
                    () -> wrongCertificate.withdrawals().createMass(List.of(payout("1.00"))));
            assertEquals(422, e.httpStatus());
            assertEquals(io.github.payop4j.testkit.internal.api.WithdrawalEndpoints.CANNOT_DECRYPT, e.payopMessage());
        }
        assertEquals(List.of(), emulator.client().withdrawals().list());
        assertEquals("100.00", available(emulator.client(), "EUR"));
    }

    @Test
    void theSameIdempotencyKeyPaysOutOnce(PayopClient client) {
        MassWithdrawalResult first = client.withdrawals().createMass(List.of(payout("40.00")), "same-key");
        MassWithdrawalResult again = client.withdrawals().createMass(List.of(payout("40.00")), "same-key");
        assertEquals(first.withdrawals().get(0).id(), again.withdrawals().get(0).id());
        assertEquals(1, client.withdrawals().list().size());
        assertEquals("60.00", available(client, "EUR"));
        client.withdrawals().createMass(List.of(payout("40.00")), "another-key");
        assertEquals(2, client.withdrawals().list().size());
        assertEquals("20.00", available(client, "EUR"));
    }

    @Test
    void aPayoutTheWalletCannotCoverIsRejected(PayopClient client) {
        String id = client.withdrawals().createMass(List.of(payout("100.01"))).withdrawals().get(0).id();
        Withdrawal w = client.withdrawals().get(id).orElseThrow();
        assertEquals(WithdrawalStatus.REJECTED, w.status());
        assertEquals("100.00", available(client, "EUR"));
    }

    @Test
    void balancesFollowPaymentsRefundsAndPayouts(PayopEmulator emulator, PayopClient client) {
        String txid = paid(emulator, client, "b-1", "19.99");
        assertEquals("119.99", available(client, "EUR"));
        client.refunds().create(RefundRequest.partial(txid, Amount.of("9.99")));
        assertEquals("110.00", available(client, "EUR"));
        client.withdrawals().createMass(List.of(payout("110.00")));
        assertEquals("0.00", available(client, "EUR"));
        var all = client.wallet().balances(BalanceQuery.allCurrencies().withTotals()).currencies();
        assertEquals(List.of("EUR", "USD"), all.stream().map(CurrencyBalance::currency).toList());
        assertEquals("0.00", all.get(0).total());
        assertEquals(null, client.wallet().balances().currencies().get(0).total(), "total only when asked for");
    }

    @Test
    void withdrawalMethodsAsDocumented(PayopClient client) {
        List<WithdrawalMethod> methods = client.withdrawals().methods();
        assertEquals(15, methods.get(0).id());
        assertEquals("PayDo", methods.get(0).name());
        assertEquals(List.of("EUR", "USD"), methods.get(0).currencies());
    }
}
