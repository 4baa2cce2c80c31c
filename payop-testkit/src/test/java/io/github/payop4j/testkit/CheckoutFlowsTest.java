package io.github.payop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.PayopClient;
import io.github.payop4j.checkout.CardToken;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.CheckoutResult;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.checkout.NextStep;
import io.github.payop4j.error.PayopPermissionException;
import io.github.payop4j.error.PayopValidationException;
import io.github.payop4j.invoice.InvoiceStatus;
import io.github.payop4j.transaction.Transaction;
import io.github.payop4j.transaction.TransactionState;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Card tokens, checkout transactions, next steps, void and transaction reads, through PayopClient. */
@PayopEmulatorTest
class CheckoutFlowsTest {

    private static final String CHECK_STATUS_URL = "https://shop.example/check/{{txid}}";

    private static CheckoutResult payByCard(PayopClient client, String invoiceId, String pan) {
        CardToken token = client.checkout().createCardToken(invoiceId, TestCards.card(pan));
        return client.checkout().createTransaction(CheckoutRequest.of(invoiceId,
                Customer.of("jane@example.com", "Jane Doe"), CHECK_STATUS_URL).cardToken(token));
    }

    @Test
    void aSucceedingCardPaysAtOnceAndTheNextStepIsTheResultPage(PayopClient client) {
        String invoiceId = Invoices.create(client, "s2s-1", "25.00", 381).invoiceId();
        CheckoutResult result = payByCard(client, invoiceId, TestCards.SUCCESS);
        assertTrue(result.success());
        NextStep next = client.checkout().checkInvoiceStatus(invoiceId);
        assertEquals(new NextStep.Succeeded("https://shop.example/paid?invoice=" + invoiceId + "&tx="
                + result.transactionId()), next);
        Transaction tx = client.transactions().get(result.transactionId());
        assertEquals(TransactionState.ACCEPTED, tx.state());
        assertEquals("25", tx.amount());
        assertEquals("s2s-1", tx.orderId());
        assertEquals(InvoiceStatus.PAID, client.invoices().get(invoiceId).status());
    }

    @Test
    void threeDSecureIsAPostFormToTheAcsThenSuccessOncePassed(PayopEmulator payop, PayopClient client) {
        String invoiceId = Invoices.create(client, "s2s-2", "30.00", 381).invoiceId();
        String txid = payByCard(client, invoiceId, TestCards.THREE_D_SECURE).transactionId();
        NextStep.SubmitForm form = assertInstanceOf(NextStep.SubmitForm.class,
                client.checkout().checkInvoiceStatus(invoiceId));
        assertEquals(payop.checkoutUrl() + "/acs", form.url());
        assertEquals(txid, form.fields().get("MD"));
        assertEquals(payop.checkoutUrl() + "/3ds-result", form.fields().get("TermUrl"));
        assertEquals(TransactionState.PENDING, client.transactions().get(txid).state());
        assertInstanceOf(NextStep.SubmitForm.class, client.checkout().checkTransactionStatus(txid));

        payop.pay(invoiceId);
        assertInstanceOf(NextStep.Succeeded.class, client.checkout().checkInvoiceStatus(invoiceId));
        // The legacy check puts the result page in "txid", as Payop's legacy page documents.
        assertEquals(new NextStep.Succeeded("https://shop.example/paid?invoice=" + invoiceId + "&tx=" + txid),
                client.checkout().checkTransactionStatus(txid));
    }

    @Test
    void declinedAndInsufficientFundsCardsFailWithTheirReason(PayopClient client) {
        for (String[] card : new String[][] {{TestCards.DECLINED, TestCards.DECLINED_MESSAGE},
            {TestCards.INSUFFICIENT_FUNDS, TestCards.INSUFFICIENT_FUNDS_MESSAGE}}) {
            String invoiceId = Invoices.create(client, "s2s-" + card[0], "12.00", 381).invoiceId();
            String txid = payByCard(client, invoiceId, card[0]).transactionId();
            assertEquals(new NextStep.Failed("https://shop.example/failed?invoice=" + invoiceId),
                    client.checkout().checkInvoiceStatus(invoiceId));
            Transaction tx = client.transactions().get(txid);
            assertEquals(TransactionState.FAILED, tx.state());
            assertEquals(card[1], tx.error());
            assertEquals(InvoiceStatus.FAILED, client.invoices().get(invoiceId).status());
        }
    }

    @Test
    void cardsAreCheckedLikePayopChecksThem(PayopEmulator payop, PayopClient client) {
        String invoiceId = Invoices.create(client, "s2s-5", "1.00", 381).invoiceId();
        String body = "{\"invoiceIdentifier\":\"" + invoiceId + "\",\"pan\":\"4111111111111112\","
                + "\"expirationDate\":\"01/20\",\"cvv\":\"12\",\"holderName\":\"X\"}";
        HttpResponse<String> r = RawHttp.post(payop.apiUrl().resolve("/v1/payment-tools/card-token/create"), body);
        assertEquals(422, r.statusCode());
        assertEquals("{\"message\":{\"pan\":[\"Invalid card number.\"],\"expirationDate\":[\"This value is not valid.\"],"
                + "\"cvv\":[\"This value is not valid.\"]}}", r.body());
        // The client lets an expired card through (it checks the format only): Payop's 422 arrives.
        PayopValidationException e = assertThrows(PayopValidationException.class, () -> client.checkout()
                .createCardToken(invoiceId, new io.github.payop4j.checkout.Card(TestCards.SUCCESS, "01/21", "123", "X")));
        assertEquals(List.of("This value is not valid."), e.fieldErrors().get("expirationDate"));
    }

    @Test
    void tokenizationSwitchedOffIsPayops403(PayopEmulator payop, PayopClient client) {
        String invoiceId = Invoices.create(client, "s2s-6", "1.00", 381).invoiceId();
        payop.cardTokenization(false);
        PayopPermissionException e = assertThrows(PayopPermissionException.class,
                () -> client.checkout().createCardToken(invoiceId, TestCards.card(TestCards.SUCCESS)));
        assertEquals("Card tokenization is not available for your application. Please contact support",
                e.payopMessage());
    }

    @Test
    void aBankTransferRedirectsToTheBankThenVoidCancelsIt(PayopEmulator payop, PayopClient client) {
        String invoiceId = client.invoices().create(Invoices.request("direct-1", "40.00", 203822)
                .payer(io.github.payop4j.invoice.Payer.withEmail("jane@example.com").name("Jane Doe")
                        .field("date_of_birth", "01.01.1990")).build()).invoiceId();
        CheckoutResult result = client.checkout().createTransaction(CheckoutRequest.of(invoiceId,
                Customer.of("jane@example.com", "Jane Doe").field("date_of_birth", "01.01.1990"), CHECK_STATUS_URL));
        NextStep.Redirect redirect = assertInstanceOf(NextStep.Redirect.class,
                client.checkout().checkInvoiceStatus(invoiceId));
        assertEquals(payop.checkoutUrl() + "/bank/" + result.transactionId(), redirect.url());

        CheckoutResult voided = client.checkout().voidTransaction(invoiceId);
        assertEquals(result.transactionId(), voided.transactionId());
        assertEquals(TransactionState.FAILED, client.transactions().get(result.transactionId()).state());
        assertInstanceOf(NextStep.Failed.class, client.checkout().checkInvoiceStatus(invoiceId));
    }

    @Test
    void missingPayerFieldsSendThePayerToTheHostedForm(PayopEmulator payop, PayopClient client) {
        String invoiceId = Invoices.create(client, "direct-2", "40.00", 336).invoiceId();
        client.checkout().createTransaction(CheckoutRequest.of(invoiceId, Customer.of("jane@example.com", "Jane Doe"),
                CHECK_STATUS_URL));
        NextStep.Redirect redirect = assertInstanceOf(NextStep.Redirect.class,
                client.checkout().checkInvoiceStatus(invoiceId));
        assertEquals(payop.checkoutUrl() + "/en/payment/invoice-preprocessing/" + invoiceId, redirect.url());
    }

    @Test
    void beforeAnyTransactionTheNextStepIsToPoll(PayopClient client) {
        String invoiceId = Invoices.create(client, "poll-1", "3.00", null).invoiceId();
        assertInstanceOf(NextStep.Poll.class, client.checkout().checkInvoiceStatus(invoiceId));
    }

    @Test
    void aSecondTransactionForTheSameInvoiceIsRefused(PayopClient client) {
        String invoiceId = Invoices.create(client, "twice-1", "3.00", 381).invoiceId();
        payByCard(client, invoiceId, TestCards.SUCCESS);
        assertThrows(PayopValidationException.class, () -> payByCard(client, invoiceId, TestCards.SUCCESS));
    }

    @Test
    void filterAndIbansReadSeveralTransactions(PayopEmulator payop, PayopClient client) {
        String card = payByCard(client, Invoices.create(client, "f-1", "5.50", 381).invoiceId(), TestCards.SUCCESS)
                .transactionId();
        String bankInvoice = client.invoices().create(Invoices.request("f-2", "7.00", 203822)
                .payer(io.github.payop4j.invoice.Payer.withEmail("j@example.com").name("J")
                        .field("date_of_birth", "01.01.1990")).build()).invoiceId();
        String bank = payop.pay(bankInvoice);
        List<Transaction> both = client.transactions().filter(List.of(card, bank, "unknown"));
        assertEquals(List.of(card, bank), both.stream().map(Transaction::id).toList());
        assertEquals("5.50", both.get(0).amount());
        assertEquals(TransactionState.ACCEPTED, both.get(1).state());
        Map<String, Optional<String>> ibans = client.transactions().ibans(List.of(card, bank));
        assertEquals(Optional.empty(), ibans.get(card));
        assertTrue(ibans.get(bank).orElseThrow().startsWith("GB00PAYO"));
    }
}
