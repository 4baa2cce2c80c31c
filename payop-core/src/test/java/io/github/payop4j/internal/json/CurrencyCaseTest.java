package io.github.payop4j.internal.json;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.balance.CurrencyBalance;
import io.github.payop4j.invoice.Invoice;
import io.github.payop4j.method.PaymentMethod;
import io.github.payop4j.refund.Refund;
import io.github.payop4j.testing.PayopStub;
import io.github.payop4j.transaction.Transaction;
import io.github.payop4j.withdrawal.Withdrawal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ISO 4217 codes are upper case ("EUR"), and a shop compares them with {@code equals}. Whatever
 * case Payop writes a currency in, every value the client reads returns it upper case; the raw
 * JSON keeps what Payop sent.
 */
class CurrencyCaseTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private PayopClient client;

    @BeforeEach
    void setUp() {
        client = ClientFixture.client(payop.baseUrl());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static void answer(String url, String body) {
        payop.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withBody(body)));
    }

    @Test
    void transactionsInEitherShapeReportUpperCaseCurrencies() {
        answer("/v2/transactions/tx-1", """
                {"data": {"identifier": "tx-1", "state": 2, "amount": "3.00", "currency": "eur",
                          "payAmount": "3.30", "payCurrency": "Usd"}, "status": 1}""");
        answer("/v1/transactions/filter?query%5Bidentifiers%5D=tx-1", """
                {"data": [{"identifier": "tx-1", "state": 2, "amount": 3, "currency": " eur "}], "status": 1}""");

        Transaction tx = client.transactions().get("tx-1");

        assertEquals("EUR", tx.currency());
        assertEquals("USD", tx.payCurrency());
        assertEquals("eur", tx.raw().getString("currency"), "the raw JSON is what Payop sent");
        assertEquals("EUR", client.transactions().filter(List.of("tx-1")).get(0).currency());
    }

    @Test
    void invoicesRefundsAndWithdrawalsReportUpperCaseCurrencies() {
        answer("/v1/invoices/inv-1", """
                {"data": {"identifier": "inv-1", "status": 1, "amount": 3, "currency": "eur"}, "status": 1}""");
        answer("/v1/refunds/user-refunds", """
                {"data": [{"identifier": "r-1", "status": 2, "amount": 1, "currency": "usd",
                           "sourceTransaction": {"identifier": "tx-1", "amount": 3, "currency": "usd"}}], "status": 1}""");
        answer("/v1/withdrawals/user-withdrawals", """
                {"data": [{"identifier": "w-1", "status": 2, "amount": 10, "currency": "gbp"}], "status": 1}""");

        Invoice invoice = client.invoices().get("inv-1");
        Refund refund = client.refunds().list().get(0);
        Withdrawal withdrawal = client.withdrawals().list().get(0);

        assertEquals("EUR", invoice.currency());
        assertEquals(List.of("USD", "USD"), List.of(refund.currency(), refund.sourceCurrency()));
        assertEquals("GBP", withdrawal.currency());
    }

    @Test
    void balancesAndMethodListsReportUpperCaseCodes() {
        answer("/v1/wallets/get-balances", """
                {"currencies": [{"code": "eur", "balance": {"available": "1.00"}}]}""");
        answer("/v1/instrument-settings/payment-methods/available-for-application/" + PayopStub.PROJECT_ID, """
                {"data": [{"identifier": 381, "currencies": ["eur", "Usd", "USDT"]}], "status": 1}""");
        answer("/v1/instrument-settings/payment-methods/available-withdrawal-for-user", """
                {"data": [{"type": 15, "name": "PayDo", "currencies": {"0": "eur", "2": "usd"}}], "status": 1}""");

        CurrencyBalance balance = client.wallet().balances().currencies().get(0);
        PaymentMethod method = client.paymentMethods().available().get(0);

        assertEquals("EUR", balance.currency());
        assertEquals(List.of("EUR", "USD", "USDT"), method.currencies());
        assertEquals(List.of("EUR", "USD"), client.withdrawals().methods().get(0).currencies());
    }

    @Test
    void whatIsNotALetterCodeIsKeptAsSent() {
        answer("/v2/transactions/tx-1", """
                {"data": {"identifier": "tx-1", "state": 2, "currency": 978, "payCurrency": "euro €"}}""");

        Transaction tx = client.transactions().get("tx-1");

        assertEquals("978", tx.currency());
        assertEquals("euro €", tx.payCurrency());
    }
}
