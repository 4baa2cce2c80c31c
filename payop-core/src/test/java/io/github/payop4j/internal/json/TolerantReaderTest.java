package io.github.payop4j.internal.json;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.balance.CurrencyBalance;
import io.github.payop4j.balance.WalletBalances;
import io.github.payop4j.checkout.NextStep;
import io.github.payop4j.error.PayopResponseException;
import io.github.payop4j.invoice.Invoice;
import io.github.payop4j.invoice.InvoiceStatus;
import io.github.payop4j.method.PayerField;
import io.github.payop4j.method.PaymentMethod;
import io.github.payop4j.refund.Refund;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.refund.RefundStatus;
import io.github.payop4j.testing.PayopStub;
import io.github.payop4j.transaction.Transaction;
import io.github.payop4j.transaction.TransactionState;
import io.github.payop4j.withdrawal.Withdrawal;
import io.github.payop4j.withdrawal.WithdrawalMethod;
import io.github.payop4j.withdrawal.WithdrawalStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Payop is a PHP service: {@code []} for an empty object, numbers or strings for amounts and ids,
 * wrapped ids, lists serialized as objects, nulls and fields nobody documented. None of it may
 * crash a parse, and none of it may change a value that was sent correctly.
 */
class TolerantReaderTest {

    private static final String TX_URL = "/v2/transactions/tx-1";
    private static final String REFUNDS_URL = "/v1/refunds/user-refunds";
    private static final String WITHDRAWALS_URL = "/v1/withdrawals/user-withdrawals";
    private static final String METHODS_URL =
            "/v1/instrument-settings/payment-methods/available-for-application/" + PayopStub.PROJECT_ID;
    private static final String STATUS_URL = "/v1/checkout/check-invoice-status/inv-1";
    private static final String BALANCES_URL = "/v1/wallets/get-balances";

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

    private static JsonValue json(String text) {
        return new JsonCodec().parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private Transaction transactionWith(String fields) {
        answer(TX_URL, "{\"data\": {" + fields + "}, \"status\": 1}");
        return client.transactions().get("tx-1");
    }

    // ---- form: [] and fields: [] ----------------------------------------------------------------

    @Test
    void anEmptyPhpArrayFormIsNoForm() {
        answer(STATUS_URL, "{\"data\": {\"status\": \"pending\", \"form\": [], \"url\": \"\"}, \"status\": 1}");
        assertEquals(new NextStep.Poll(Duration.ofSeconds(5)), client.checkout().checkInvoiceStatus("inv-1"));

        answer(STATUS_URL, "{\"data\": {\"status\": \"pending\", \"form\": [], \"url\": \"https://bank.example/p\"}}");
        assertEquals(new NextStep.Redirect("https://bank.example/p"), client.checkout().checkInvoiceStatus("inv-1"));
    }

    @Test
    void anEmptyPhpArrayOfFieldsIsAnEmptyFormToPost() {
        answer(STATUS_URL, """
                {"data": {"status": "pending", "form": {"method": "POST", "url": "https://acs.example/", "fields": []}}}""");

        assertEquals(new NextStep.SubmitForm("https://acs.example/", Map.of()), client.checkout().checkInvoiceStatus("inv-1"));
    }

    @Test
    void formFieldValuesThatAreNumbersOrBooleansBecomeTextAndNestedOnesAreSkipped() {
        answer(STATUS_URL, """
                {"data": {"status": "pending", "form": {"method": "POST", "url": "https://acs.example/",
                  "fields": {"MD": 12345, "flag": true, "PaReq": "abc", "nested": {"x": 1}, "none": null}}}}""");

        NextStep.SubmitForm form = (NextStep.SubmitForm) client.checkout().checkInvoiceStatus("inv-1");

        assertEquals(Map.of("MD", "12345", "flag", "true", "PaReq", "abc"), form.fields());
    }

    // ---- data: "" and data: null ----------------------------------------------------------------

    @Test
    void anEmptyStringOrNullDataIsAnEmptyListButNoObject() {
        for (String data : new String[] {"\"\"", "null", "[]"}) {
            String body = "{\"data\": " + data + ", \"status\": 1}";
            answer(STATUS_URL, body);
            answer(TX_URL, body);
            answer("/v1/transactions/filter?query%5Bidentifiers%5D=tx-1", body);
            answer("/v1/transactions/ibans?query%5Bidentifiers%5D=tx-1", body);
            answer(REFUNDS_URL, body);
            answer(WITHDRAWALS_URL, body);
            answer("/v1/instrument-settings/payment-methods/available-withdrawal-for-user", body);
            answer(METHODS_URL, body);
            answer(BALANCES_URL, body);

            // A read of one object needs the object (FailedEnvelopeTest); a list may be empty.
            assertThrows(PayopResponseException.class, () -> client.checkout().checkInvoiceStatus("inv-1"), data);
            assertThrows(PayopResponseException.class, () -> client.transactions().get("tx-1"), data);
            assertThrows(PayopResponseException.class, () -> client.wallet().balances(), data);
            assertEquals(List.of(), client.transactions().filter(List.of("tx-1")), data);
            assertEquals(Map.of(), client.transactions().ibans(List.of("tx-1")), data);
            assertEquals(List.of(), client.refunds().list(), data);
            assertEquals(List.of(), client.withdrawals().list(), data);
            assertEquals(List.of(), client.withdrawals().methods(), data);
            assertEquals(List.of(), client.paymentMethods().available(), data);
        }
    }

    @Test
    void anEmptyBodyOrAJsonNullBodyIsNoAnswerNotAnEmptyOne() {
        // An empty refund list would tell the IPN pipeline that a genuine refund is forged.
        answer(REFUNDS_URL, "");
        assertThrows(PayopResponseException.class, () -> client.refunds().list());
        answer(REFUNDS_URL, "null");
        assertThrows(PayopResponseException.class, () -> client.refunds().list());
        payop.stubFor(get(urlEqualTo(TX_URL)).willReturn(aResponse().withStatus(204)));
        assertThrows(PayopResponseException.class, () -> client.transactions().get("tx-1"));
    }

    @Test
    void refundIdInAnEmptyDataStringFallsBackToTheHeaderAndABlankOneIsNoId() {
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withHeader("identifier", "  r-1  ")
                .withBody("{\"data\": \"\", \"status\": 1}")));
        assertEquals("r-1", client.refunds().create(RefundRequest.full("tx-1")));

        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withHeader("identifier", " ")
                .withBody("{\"data\": \"   \", \"status\": 1}")));
        assertThrows(PayopResponseException.class, () -> client.refunds().create(RefundRequest.full("tx-1")));
    }

    // ---- amounts --------------------------------------------------------------------------------

    @ParameterizedTest(name = "amount {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "100          | 100",
        "\"0.53\"     | 0.53",
        "1e2          | 100",
        "1E+2         | 100",
        "10.50        | 10.50",
        "\"10.50\"    | 10.50",
        "0.00000001   | 0.00000001",
        "1.5E-7       | 0.00000015",
        "\" 7.5 \"    | 7.5",
        "-3.20        | -3.20",
        "\"-3.20\"    | -3.20",
        "123456789012345678901234567890.12 | 123456789012345678901234567890.12"})
    void amountsAsNumbersOrStringsKeepTheirExactDecimalText(String json, String expected) {
        assertEquals(expected, transactionWith("\"amount\": " + json.trim()).amount());
    }

    @ParameterizedTest(name = "amount {0} -> null")
    @ValueSource(strings = {"\"\"", "\"abc\"", "\"1,000.50\"", "\"12 EUR\"", "true", "null", "[]", "{}",
        "{\"value\": 5}"})
    void whatIsNotAnAmountIsNull(String json) {
        assertNull(transactionWith("\"amount\": " + json + ", \"identifier\": \"tx-1\"").amount());
    }

    @Test
    void aHostileHugeExponentIsNeitherExpandedNorACrash() {
        String amount = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> transactionWith("\"amount\": 1e999999999").amount());
        assertEquals("1E+999999999", amount);
    }

    @Test
    void amountsInEveryParsedTypeAreExactText() {
        answer(REFUNDS_URL, """
                {"data": [{"identifier": "r-1", "status": 2, "amount": 1e2, "currency": "USD",
                           "sourceTransaction": {"identifier": "tx-1", "amount": "440.650", "currency": "USD"}}]}""");
        answer(WITHDRAWALS_URL, "{\"data\": [{\"identifier\": \"w-1\", \"status\": 2, \"amount\": 10.50}]}");
        answer(BALANCES_URL, """
                {"currencies": [{"code": "EUR", "balance": {"available": 100, "referral": "0.53", "pending": 1e2,
                  "reserve": 10.50, "total": "-1.00"}}]}""");

        Refund refund = client.refunds().list().get(0);
        assertEquals("100", refund.amount());
        assertEquals("440.650", refund.sourceAmount());
        assertEquals("10.50", client.withdrawals().list().get(0).amount());
        assertEquals(new CurrencyBalance("EUR", "100", "0.53", "100", "10.50", "-1.00"),
                client.wallet().balances().currencies().get(0));
    }

    // ---- wrapped and numeric ids ----------------------------------------------------------------

    @Test
    void aWrappedIdIsUnwrappedAndAWrappedNullIsNoId() {
        assertEquals("INVOICE_IDENTIFIER",
                transactionWith("\"identifier\": {\"value\": \"INVOICE_IDENTIFIER\", \"null\": false}").id());
        assertEquals("tx-1", transactionWith("\"identifier\": {\"value\": null, \"null\": true}").id());
        assertEquals("tx-1", transactionWith("\"identifier\": {\"value\": \"stale\", \"null\": true}").id());
        assertEquals("tx-1", transactionWith("\"identifier\": {\"value\": {\"deeper\": 1}, \"null\": false}").id());
        assertEquals("134666", transactionWith("\"orderId\": {\"value\": 134666, \"null\": false}").orderId());
    }

    @Test
    void theCheckStatusFailExampleWithAWrappedInvoiceIdIsRead() {
        answer(STATUS_URL, """
                {"data": {"isSuccess": true, "status": "fail", "message": "", "form": [],
                  "url": "https://your_result_page_url/fail",
                  "invoiceIdentifier": {"value": "INVOICE_IDENTIFIER", "null": false}}, "status": 1}""");

        assertEquals(new NextStep.Failed("https://your_result_page_url/fail"), client.checkout().checkInvoiceStatus("inv-1"));
    }

    @Test
    void idsAndCodesMayBeNumbersOrNumericStrings() {
        Transaction tx = transactionWith("\"identifier\": 987, \"state\": \"2\", \"paymentMethod\": \"381\", "
                + "\"orderId\": 117, \"createdAt\": \"1567402240\"");
        assertEquals("987", tx.id());
        assertEquals(TransactionState.ACCEPTED, tx.state());
        assertEquals(2, tx.stateCode());
        assertEquals(381, tx.paymentMethod());
        assertEquals("117", tx.orderId());
        assertEquals(Instant.ofEpochSecond(1567402240L), tx.createdAt());

        answer(REFUNDS_URL + "?query%5Bidentifier%5D=12345",
                "{\"data\": [{\"identifier\": 12345, \"status\": \"1\", \"amount\": 10, \"currency\": \"USD\","
                        + " \"sourceTransaction\": {\"identifier\": 777}}]}");
        Refund refund = client.refunds().get("12345").orElseThrow();
        assertEquals("12345", refund.id());
        assertEquals(RefundStatus.NEW, refund.status());
        assertEquals("777", refund.sourceTransactionId());

        answer(WITHDRAWALS_URL + "?query%5Bidentifier%5D=555",
                "{\"data\": [{\"identifier\": 555, \"status\": 2, \"method\": \"15\"}]}");
        Withdrawal w = client.withdrawals().get("555").orElseThrow();
        assertEquals("555", w.id());
        assertEquals(15, w.method());

        answer(METHODS_URL, "{\"data\": [{\"identifier\": \"381\", \"formType\": \"CARDS\"}]}");
        PaymentMethod method = client.paymentMethods().available().get(0);
        assertEquals(381, method.id());
        assertTrue(method.requiresCardToken());

        answer("/v1/instrument-settings/payment-methods/available-withdrawal-for-user",
                "{\"data\": [{\"type\": \"15\", \"name\": \"PayDo\", \"currencies\": [\"EUR\", 978]}]}");
        assertEquals(List.of(new WithdrawalMethod(15, "PayDo", List.of("EUR", "978"))), client.withdrawals().methods());
    }

    @ParameterizedTest(name = "state {0}")
    @ValueSource(strings = {"2.5", "\"abc\"", "\"\"", "99999999999", "true", "[]", "{}"})
    void codesThatAreNotIntegersAreNoCode(String json) {
        Transaction tx = transactionWith("\"state\": " + json);
        assertEquals(TransactionState.UNKNOWN, tx.state());
        assertNull(tx.stateCode());
    }

    // ---- unknown codes --------------------------------------------------------------------------

    @Test
    void undocumentedStateCodesAreUnknownAndKeepTheRawCode() {
        Transaction tx = transactionWith("\"identifier\": \"tx-1\", \"state\": 42");
        assertEquals(TransactionState.UNKNOWN, tx.state());
        assertEquals(42, tx.stateCode());
        assertFalse(tx.state().isFinal());

        answer(REFUNDS_URL, "{\"data\": [{\"identifier\": \"r-7\", \"status\": 7}]}");
        Refund refund = client.refunds().list().get(0);
        assertEquals(RefundStatus.UNKNOWN, refund.status());
        assertEquals(7, refund.statusCode());

        answer(WITHDRAWALS_URL, "{\"data\": [{\"identifier\": \"w-9\", \"status\": 9}]}");
        Withdrawal w = client.withdrawals().list().get(0);
        assertEquals(WithdrawalStatus.UNKNOWN, w.status());
        assertEquals(9, w.statusCode());

        answer("/v1/invoices/inv-3", "{\"data\": {\"identifier\": \"inv-3\", \"status\": 3, \"amount\": 3}, \"status\": 1}");
        Invoice invoice = client.invoices().get("inv-3");
        assertEquals(InvoiceStatus.UNKNOWN, invoice.status());
        assertEquals(3, invoice.statusCode());
    }

    @Test
    void theEnvelopesStatusIsNeverTakenForTheInvoiceStatus() {
        // Read as the invoice's own status, "status": 1 would mean "paid"; it is an answer without data.
        answer("/v1/invoices/inv-1", "{\"status\": 1}");

        assertThrows(PayopResponseException.class, () -> client.invoices().get("inv-1"));
    }

    // ---- config: [], metadata: [], null objects -------------------------------------------------

    @Test
    void aPaymentMethodWithoutUsableConfigHasNoFieldsButKeepsEverythingElse() {
        answer(METHODS_URL, """
                {"data": [
                  {"identifier": 1, "title": "A", "currencies": ["EUR"], "config": []},
                  {"identifier": 2, "title": "B", "currencies": ["EUR"], "config": null},
                  {"identifier": 3, "title": "C", "currencies": ["EUR"], "config": {"fields": []}},
                  {"identifier": 4, "title": "D", "currencies": ["EUR"], "config": {"fields": null}},
                  {"identifier": 5, "title": "E", "currencies": ["EUR"], "config": "x"}
                ], "status": 1}""");

        List<PaymentMethod> methods = client.paymentMethods().available();

        assertEquals(List.of(1, 2, 3, 4, 5), methods.stream().map(PaymentMethod::id).toList());
        assertEquals(List.of("A", "B", "C", "D", "E"), methods.stream().map(PaymentMethod::title).toList());
        methods.forEach(m -> assertEquals(List.of(), m.fields(), m.title()));
        methods.forEach(m -> assertEquals(List.of("EUR"), m.currencies(), m.title()));
    }

    @Test
    void payerFieldsTolerateLooseFlagsAndSkipNamelessEntries() {
        answer(METHODS_URL, """
                {"data": [{"identifier": 1, "config": {"fields": [
                  {"name": "email", "type": "email", "required": 1},
                  {"name": "phone", "type": "text", "required": "true"},
                  {"name": "document", "type": "text", "required": "0"},
                  {"name": "", "type": "text", "required": true},
                  {"type": "text", "required": true},
                  "garbage", 17, null,
                  {"name": "nationalid", "required": "yes"}]}}]}""");

        List<PayerField> fields = client.paymentMethods().available().get(0).fields();

        assertEquals(List.of(
                new PayerField("email", "email", null, true),
                new PayerField("phone", "text", null, true),
                new PayerField("document", "text", null, false),
                new PayerField("nationalid", null, null, false)), fields);
    }

    @Test
    void emptyPhpArrayOrNullMetadataIsAnEmptyObject() {
        answer(REFUNDS_URL, """
                {"data": [{"identifier": "r-1", "status": 1, "metadata": []},
                          {"identifier": "r-2", "status": 1, "metadata": null},
                          {"identifier": "r-3", "status": 1}]}""");
        answer(WITHDRAWALS_URL, "{\"data\": [{\"identifier\": \"w-1\", \"status\": 1, \"metadata\": []}]}");

        client.refunds().list().forEach(r -> assertEquals(JsonValue.EMPTY_JSON_OBJECT, r.metadata(), r.id()));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, client.withdrawals().list().get(0).metadata());
    }

    @Test
    void nullWhereAnObjectIsExpectedIsTreatedAsAbsent() {
        answer(REFUNDS_URL, "{\"data\": [{\"identifier\": \"r-1\", \"status\": 2, \"sourceTransaction\": null}]}");
        Refund refund = client.refunds().list().get(0);
        assertNull(refund.sourceTransactionId());
        assertNull(refund.sourceAmount());

        answer(BALANCES_URL, "{\"snapshotAt\": null, \"currencies\": [{\"code\": \"EUR\", \"balance\": null}, null]}");
        assertEquals(new WalletBalances(null, List.of(new CurrencyBalance("EUR", null, null, null, null, null))),
                client.wallet().balances());

        answer(STATUS_URL, "{\"data\": {\"status\": \"pending\", \"form\": null, \"url\": null}}");
        assertEquals(new NextStep.Poll(Duration.ofSeconds(5)), client.checkout().checkInvoiceStatus("inv-1"));

        Transaction tx = transactionWith("\"identifier\": \"tx-1\", \"state\": 5, \"error\": null, \"updatedAt\": null");
        assertNull(tx.error());
        assertNull(tx.updatedAt());

        answer("/v1/invoices/inv-1", "{\"data\": {\"identifier\": \"inv-1\", \"status\": 0, \"paymentMethod\": null,"
                + " \"payer\": null, \"items\": null}}");
        Invoice invoice = client.invoices().get("inv-1");
        assertEquals(Optional.empty(), invoice.paymentMethodIfChosen());
        assertNull(invoice.payerEmail());
        assertEquals(List.of(), invoice.items());
    }

    @Test
    void anErrorObjectInsteadOfAStringGivesItsMessage() {
        assertEquals("3DS failed", transactionWith("\"error\": {\"message\": \"3DS failed\", \"code\": \"\"}").error());
        assertNull(transactionWith("\"error\": {\"message\": \"\", \"code\": \"\"}").error());
    }

    // ---- PHP lists serialized as objects --------------------------------------------------------

    @Test
    void aListSerializedAsAnObjectIsReadInItsOrder() {
        answer(REFUNDS_URL, """
                {"data": {"0": {"identifier": "r-a", "status": 1}, "1": {"identifier": "r-b", "status": 2},
                          "3": {"identifier": "r-c", "status": 3}}, "status": 1}""");
        answer("/v1/transactions/filter?query%5Bidentifiers%5D=a,b", """
                {"data": {"0": {"identifier": "a", "state": 2}, "1": {"identifier": "b", "state": 4}}}""");
        answer(METHODS_URL, """
                {"data": {"0": {"identifier": 381, "config": {"fields": {"0": {"name": "email", "required": true},
                  "2": {"name": "date_of_birth", "required": true}}}}}}""");

        assertEquals(List.of("r-a", "r-b", "r-c"), client.refunds().list().stream().map(Refund::id).toList());
        assertEquals(List.of(TransactionState.ACCEPTED, TransactionState.PENDING),
                client.transactions().filter(List.of("a", "b")).stream().map(Transaction::state).toList());
        assertEquals(List.of("email", "date_of_birth"),
                client.paymentMethods().available().get(0).fields().stream().map(PayerField::name).toList());
    }

    @Test
    void aListOfCurrenciesSerializedAsAnObjectIsReadToo() {
        answer(METHODS_URL, """
                {"data": [{"identifier": 381, "currencies": {"0": "EUR", "2": "USD"}, "countries": {"1": "DE"}}]}""");

        PaymentMethod method = client.paymentMethods().available().get(0);

        assertEquals(List.of("EUR", "USD"), method.currencies());
        assertEquals(List.of("DE"), method.countries());
    }

    @Test
    void aBareArrayWithoutTheEnvelopeIsReadToo() {
        answer(REFUNDS_URL, "[{\"identifier\": \"r-1\", \"status\": 2}]");
        assertEquals(List.of("r-1"), client.refunds().list().stream().map(Refund::id).toList());
    }

    // ---- unknown extra fields -------------------------------------------------------------------

    @Test
    void undocumentedFieldsAnywhereChangeNothing() {
        String extra = "\"x-new\": {\"deep\": [1, {\"a\": null}], \"n\": 1e3}, \"flag\": true, \"list\": []";
        answer(TX_URL, "{\"data\": {\"identifier\": \"tx-1\", \"state\": 2, \"amount\": \"0.53\", \"currency\": \"EUR\", "
                + extra + "}, \"status\": 1, " + extra + ", \"meta\": {\"page\": 1}}");
        answer(REFUNDS_URL, "{\"data\": [{\"identifier\": \"r-1\", \"status\": 2, \"amount\": 10, " + extra
                + ", \"sourceTransaction\": {\"identifier\": \"tx-1\", " + extra + "}}], " + extra + "}");
        answer(METHODS_URL, "{\"data\": [{\"identifier\": 381, \"formType\": \"cards\", " + extra
                + ", \"config\": {" + extra + ", \"fields\": [{\"name\": \"email\", \"required\": true, " + extra + "}]}}]}");
        answer(BALANCES_URL, "{\"snapshotAt\": \"2025-09-15T12:34:56Z\", " + extra + ", \"currencies\": [{\"code\": \"EUR\", "
                + extra + ", \"balance\": {\"available\": \"1.00\", " + extra + "}}]}");
        answer(STATUS_URL, "{\"data\": {\"status\": \"success\", \"url\": \"https://shop.example/ok\", " + extra
                + ", \"form\": {\"url\": \"https://shop.example/ok\", " + extra + "}}}");

        Transaction tx = client.transactions().get("tx-1");
        assertEquals(List.of("tx-1", "0.53", "EUR"), List.of(tx.id(), tx.amount(), tx.currency()));
        assertEquals(TransactionState.ACCEPTED, tx.state());
        Refund refund = client.refunds().list().get(0);
        assertEquals(List.of("r-1", "10", "tx-1"), List.of(refund.id(), refund.amount(), refund.sourceTransactionId()));
        PaymentMethod method = client.paymentMethods().available().get(0);
        assertEquals(List.of(new PayerField("email", null, null, true)), method.fields());
        assertTrue(method.requiresCardToken());
        WalletBalances balances = client.wallet().balances();
        assertEquals("1.00", balances.currency("EUR").orElseThrow().available());
        assertEquals(new NextStep.Succeeded("https://shop.example/ok"), client.checkout().checkInvoiceStatus("inv-1"));
        JsonObject raw = tx.raw();
        assertTrue(raw.containsKey("x-new"), raw.toString());
    }

    @Test
    void wrongTypesEverywhereNeverCrashAParse() {
        String nonsense = """
                {"identifier": [], "status": {}, "state": [], "amount": {}, "currency": 978, "sourceTransaction": "x",
                 "metadata": "x", "createdAt": "yesterday", "updatedAt": -5, "method": [], "comment": {},
                 "paymentMethod": "cards", "error": [], "orderId": [], "payAmount": [], "resultUrl": 1,
                 "config": {"fields": "x"}, "currencies": "EUR", "countries": {}, "formType": [], "title": {},
                 "type": [], "name": [], "balance": "x", "code": [], "snapshotAt": 5}""";
        answer(TX_URL, "{\"data\": " + nonsense + "}");
        answer(REFUNDS_URL, "{\"data\": [" + nonsense + "]}");
        answer(WITHDRAWALS_URL, "{\"data\": [" + nonsense + "]}");
        answer("/v1/instrument-settings/payment-methods/available-withdrawal-for-user", "{\"data\": [" + nonsense + "]}");
        answer(METHODS_URL, "{\"data\": [" + nonsense + "]}");
        answer(BALANCES_URL, "{\"data\": {\"snapshotAt\": 5, \"currencies\": [" + nonsense + "]}}");
        answer(STATUS_URL, "{\"data\": " + nonsense + "}");
        answer("/v1/invoices/inv-1", "{\"data\": " + nonsense + "}");

        Transaction tx = client.transactions().get("tx-1");
        assertEquals("tx-1", tx.id());
        assertNull(tx.amount());
        assertNull(tx.createdAt());
        assertNull(tx.updatedAt());
        assertNull(tx.paymentMethod());
        Refund refund = client.refunds().list().get(0);
        assertNull(refund.id());
        assertEquals(RefundStatus.UNKNOWN, refund.status());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, refund.metadata());
        assertEquals("978", refund.currency());
        Withdrawal w = client.withdrawals().list().get(0);
        assertEquals(WithdrawalStatus.UNKNOWN, w.status());
        assertNull(w.comment());
        assertEquals(new WithdrawalMethod(null, null, List.of()), client.withdrawals().methods().get(0));
        PaymentMethod method = client.paymentMethods().available().get(0);
        assertEquals(List.of(), method.fields());
        assertEquals(List.of(), method.currencies());
        assertFalse(method.requiresCardToken());
        assertEquals(new CurrencyBalance(null, null, null, null, null, null),
                client.wallet().balances().currencies().get(0));
        assertEquals(new NextStep.Unknown(""), client.checkout().checkInvoiceStatus("inv-1"));
        Invoice invoice = client.invoices().get("inv-1");
        assertEquals(InvoiceStatus.UNKNOWN, invoice.status());
        assertEquals("inv-1", invoice.id());
    }

    // ---- a 200 that is not JSON -----------------------------------------------------------------

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"<html><body>Maintenance</body></html>", "{\"data\": [", "OK", "{'data': 1}"})
    void aSuccessWhoseBodyIsNotJsonIsAResponseErrorAndIsNotRetried(String body) {
        payop.stubFor(get(urlEqualTo(TX_URL)).willReturn(aResponse().withStatus(200).withBody(body)));

        PayopResponseException e = assertThrows(PayopResponseException.class, () -> client.transactions().get("tx-1"));

        assertEquals(200, e.httpStatus());
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("read transaction tx-1"), e.getMessage());
        payop.verify(1, getRequestedFor(urlEqualTo(TX_URL)));
    }

    @Test
    void aPostAnsweredWithNonJsonSaysTheResultIsUnknown() {
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withStatus(200)
                .withBody("<html>OK</html>")));

        PayopResponseException e = assertThrows(PayopResponseException.class,
                () -> client.refunds().create(RefundRequest.full("tx-1")));

        assertTrue(e.getMessage().contains("is unknown"), e.getMessage());
        assertTrue(e.getMessage().contains("before repeating it"), e.getMessage());
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create")));
    }

    // ---- JsonFields directly --------------------------------------------------------------------

    @Test
    void jsonFieldsAccessorsNeverThrowOnWrongTypesOrMissingParents() {
        JsonObject o = json("{\"a\": [], \"b\": null, \"c\": {\"value\": 5, \"null\": false}, \"d\": \"1\","
                + " \"e\": \"false\", \"f\": 0, \"g\": {\"0\": {\"x\": 1}, \"1\": 2}}").asJsonObject();

        assertEquals(JsonValue.EMPTY_JSON_OBJECT, JsonFields.object(o, "a"));
        assertNull(JsonFields.object(o, "b"));
        assertNull(JsonFields.object(null, "a"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, JsonFields.objectOrEmpty(null, "a"));
        assertEquals("5", JsonFields.text(o, "c"));
        assertNull(JsonFields.text(o, "b"));
        assertNull(JsonFields.text(null, "c"));
        assertEquals(Boolean.TRUE, JsonFields.flag(o, "d"));
        assertEquals(Boolean.FALSE, JsonFields.flag(o, "e"));
        assertEquals(Boolean.FALSE, JsonFields.flag(o, "f"));
        assertNull(JsonFields.flag(o, "a"));
        assertNull(JsonFields.flag(o, "missing"));
        assertEquals(1, JsonFields.objects(o.get("g")).size());
        assertEquals(List.of(), JsonFields.objects(o.get("b")));
        assertEquals(List.of(), JsonFields.texts(o.get("b")));
        assertEquals(Map.of(), JsonFields.textMap(o.get("a")));
        assertEquals(o, JsonFields.data(o));
        assertEquals(JsonValue.NULL, JsonFields.data(json("{\"data\": null}")));
    }
}
