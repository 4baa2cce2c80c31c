package io.github.payop4j.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.error.PayopResponseException;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckoutTest {

    private static final String INVOICE = "81962ed0-a65c-4d1a-851b-b3dbf9750399";
    private static final String TXID = "e6c8ba69-b961-4e93-a083-2097f30dfbd9";
    private static final String PAN = "5555555555554444";
    private static final String CVV = "123";

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

    // ---- card token -------------------------------------------------------------------------

    @Test
    void createCardTokenSendsTheCardWithoutJwtAndReadsTokenAndExpiry() {
        payop.stubFor(post("/v1/payment-tools/card-token/create")
                .willReturn(aResponse().withBody(Docs.json("card-token.json"))));

        CardToken token = client.checkout().createCardToken(INVOICE,
                new Card("5555 5555-5555 4444", "12/28", CVV, "Snatiago Delcaptcha"));

        payop.verify(1, postRequestedFor(urlEqualTo("/v1/payment-tools/card-token/create"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("""
                        {"invoiceIdentifier": "%s", "pan": "%s", "expirationDate": "12/28", "cvv": "%s",
                         "holderName": "Snatiago Delcaptcha"}""".formatted(INVOICE, PAN, CVV))));
        assertEquals("1ay4YEZXF75BTraFw/sPJ9iMJVOr/bR/UeEPp", token.token());
        assertEquals(Instant.ofEpochSecond(1567765561L), token.expiresAt());
        assertFalse(token.toString().contains(token.token()), token.toString());
    }

    @Test
    void aCardTokenAnswerWithoutTokenIsAResponseError() {
        payop.stubFor(post("/v1/payment-tools/card-token/create")
                .willReturn(aResponse().withBody("{\"data\": {\"expired_at\": 1567765561}, \"status\": 1}")));

        PayopResponseException e = assertThrows(PayopResponseException.class, () -> client.checkout()
                .createCardToken(INVOICE, new Card(PAN, "12/28", CVV, "A B")));
        assertEquals(200, e.httpStatus());
        assertTrue(e.getMessage().contains("no token"), e.getMessage());
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/payment-tools/card-token/create")));
    }

    // ---- checkout create --------------------------------------------------------------------

    @Test
    void createTransactionSendsEveryFieldWithTheMethodAsANumberAndReadsTheTxid() {
        payop.stubFor(post("/v1/checkout/create").willReturn(aResponse()
                .withHeader("identifier", INVOICE).withBody(Docs.json("checkout-create.json"))));
        CardToken token = new CardToken("1ay4YEZXF75BTraFw/sPJ9iMJVOr/bR/UeEPp", null);

        CheckoutResult result = client.checkout().createTransaction(CheckoutRequest.of(INVOICE,
                        Customer.of("test@email.com", "CUSTOMER_NAME").ip("203.0.113.7").field("date_of_birth", "01.01.1990"),
                        "https://your.site/check-status/{{txid}}")
                .paymentMethod(381).payCurrency(CurrencyCode.of("eur")).cardToken(token));

        payop.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/create"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("""
                        {
                          "invoiceIdentifier": "%s",
                          "customer": {"email": "test@email.com", "name": "CUSTOMER_NAME", "ip": "203.0.113.7",
                                       "extraFields": {"date_of_birth": "01.01.1990"}},
                          "checkStatusUrl": "https://your.site/check-status/{{txid}}",
                          "payCurrency": "EUR",
                          "paymentMethod": 381,
                          "cardToken": "1ay4YEZXF75BTraFw/sPJ9iMJVOr/bR/UeEPp"
                        }""".formatted(INVOICE))));
        String body = payop.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertTrue(body.contains("\"paymentMethod\":381"), body);
        assertTrue(result.success());
        assertEquals("", result.message());
        assertEquals(TXID, result.transactionId());
        assertEquals(INVOICE, result.invoiceId());
    }

    @Test
    void createTransactionLeavesOutWhatWasNotGiven() {
        payop.stubFor(post("/v1/checkout/create").willReturn(aResponse().withBody(Docs.json("checkout-create.json"))));

        CheckoutResult result = client.checkout().createTransaction(CheckoutRequest.of("INVOICE_IDENTIFIER",
                Customer.of("test@email.com", "CUSTOMER_NAME"), "https://your.site/check-status/{{txid}}"));

        payop.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/create")).withRequestBody(equalToJson("""
                {"invoiceIdentifier": "INVOICE_IDENTIFIER",
                 "customer": {"email": "test@email.com", "name": "CUSTOMER_NAME"},
                 "checkStatusUrl": "https://your.site/check-status/{{txid}}"}""")));
        assertEquals(TXID, result.transactionId());
        assertNull(result.invoiceId());
    }

    @Test
    void anUnsuccessfulCreateIsReportedWithPayopsMessage() {
        payop.stubFor(post("/v1/checkout/create").willReturn(aResponse().withBody("""
                {"data": {"isSuccess": false, "message": "Payment method is not available", "txid": ""}, "status": 1}""")));

        CheckoutResult result = client.checkout().createTransaction(CheckoutRequest.of(INVOICE,
                Customer.of("a@b.example", "A"), "https://shop.example/status"));

        assertFalse(result.success());
        assertEquals("Payment method is not available", result.message());
        assertNull(result.transactionId());
    }

    // ---- void -------------------------------------------------------------------------------

    @Test
    void voidSendsTheInvoiceIdWithoutJwtAndReadsTheCancelledTxid() {
        payop.stubFor(post("/v1/checkout/void").willReturn(aResponse().withBody(Docs.json("void.json"))));

        CheckoutResult result = client.checkout().voidTransaction(INVOICE);

        payop.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/void"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("{\"invoiceIdentifier\": \"" + INVOICE + "\"}")));
        assertTrue(result.success());
        assertEquals("", result.message());
        assertEquals("canceled_transaction_id", result.transactionId());
    }

    // ---- check invoice status ---------------------------------------------------------------

    static Stream<Arguments> invoiceStatusExamples() {
        Map<String, String> threeDs = Map.of("PaReq", "fmn3o8usfjlils", "MD", "81962ed0-a65c",
                "TermUrl", "https://payop.com/3ds-result");
        return Stream.of(
                Arguments.of("check-status-get-redirect.json", new NextStep.Redirect("https://pay.skrill.com/app/?sid=468")),
                Arguments.of("check-status-3ds.json", new NextStep.SubmitForm("https://acs.anybank.com/", threeDs)),
                Arguments.of("check-status-3ds-no-url.json", new NextStep.SubmitForm("https://acs.anybank.com/",
                        Map.of("PaReq", "encrypted_data", "MD", "unique_id", "TermUrl", "https://payop.com/v1/url"))),
                Arguments.of("check-status-repeat.json", new NextStep.Poll(Duration.ofSeconds(5))),
                Arguments.of("check-status-pending-no-form.json", new NextStep.Poll(Duration.ofSeconds(5))),
                Arguments.of("check-status-success.json", new NextStep.Succeeded("https://your_result_page_url")),
                Arguments.of("check-status-fail.json", new NextStep.Failed("https://your_result_page_url/fail")),
                Arguments.of("check-status-direct-success.json",
                        new NextStep.Succeeded("https://checkout.payop.com/en/payment/success-page/")),
                Arguments.of("check-status-direct-pending.json", new NextStep.Redirect("https://example.com")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invoiceStatusExamples")
    void checkInvoiceStatusTurnsEveryDocsExampleIntoItsNextStep(String example, NextStep expected) {
        payop.stubFor(get(urlEqualTo("/v1/checkout/check-invoice-status/" + INVOICE))
                .willReturn(aResponse().withBody(Docs.json(example))));

        NextStep step = client.checkout().checkInvoiceStatus(INVOICE);

        assertEquals(expected, step);
        payop.verify(1, getRequestedFor(urlEqualTo("/v1/checkout/check-invoice-status/" + INVOICE))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withoutHeader("Authorization"));
    }

    @Test
    void theThreeDsFormKeepsFieldNamesCaseAndValuesExactly() {
        payop.stubFor(get(urlEqualTo("/v1/checkout/check-invoice-status/" + INVOICE))
                .willReturn(aResponse().withBody(Docs.json("check-status-3ds.json"))));

        NextStep.SubmitForm form = (NextStep.SubmitForm) client.checkout().checkInvoiceStatus(INVOICE);

        assertEquals("https://acs.anybank.com/", form.url());
        assertEquals(3, form.fields().size());
        assertEquals("fmn3o8usfjlils", form.fields().get("PaReq"));
        assertEquals("81962ed0-a65c", form.fields().get("MD"));
        assertEquals("https://payop.com/3ds-result", form.fields().get("TermUrl"));
    }

    @Test
    void theInvoiceIdIsEncodedIntoThePath() {
        payop.stubFor(get(urlEqualTo("/v1/checkout/check-invoice-status/a%2Fb%3Fc"))
                .willReturn(aResponse().withBody(Docs.json("check-status-repeat.json"))));

        assertEquals(new NextStep.Poll(Duration.ofSeconds(5)), client.checkout().checkInvoiceStatus("a/b?c"));
        payop.verify(1, getRequestedFor(urlEqualTo("/v1/checkout/check-invoice-status/a%2Fb%3Fc")));
    }

    @ParameterizedTest(name = "status {0}")
    @MethodSource("unusualStatuses")
    void statusesOutsideTheDocumentedRulesAreUnknownOrNormalised(String data, NextStep expected) {
        payop.stubFor(get(urlEqualTo("/v1/checkout/check-invoice-status/" + INVOICE))
                .willReturn(aResponse().withBody("{\"data\": " + data + ", \"status\": 1}")));

        assertEquals(expected, client.checkout().checkInvoiceStatus(INVOICE));
    }

    static Stream<Arguments> unusualStatuses() {
        return Stream.of(
                Arguments.of("{\"isSuccess\": true, \"status\": \"error\", \"url\": \"https://x.example\"}",
                        new NextStep.Unknown("error")),
                Arguments.of("{\"isSuccess\": true, \"url\": \"\"}", new NextStep.Unknown("")),
                Arguments.of("{\"status\": \"SUCCESS\", \"url\": \"https://shop.example/ok\"}",
                        new NextStep.Succeeded("https://shop.example/ok")),
                Arguments.of("{\"status\": \"failed\", \"url\": \"\"}", new NextStep.Failed("")),
                Arguments.of("{\"status\": \"success\", \"url\": \"\", \"form\": []}", new NextStep.Succeeded("")),
                Arguments.of("{\"status\": \"pending\", \"url\": \"https://bank.example/pay\"}",
                        new NextStep.Redirect("https://bank.example/pay")),
                Arguments.of("{\"status\": \"pending\", \"form\": {\"method\": \"post\", \"url\": \"https://acs.example/\","
                        + " \"fields\": []}}", new NextStep.SubmitForm("https://acs.example/", Map.of())),
                Arguments.of("{\"status\": \"pending\", \"form\": {\"url\": \"https://bank.example/\"}, \"url\": \"\"}",
                        new NextStep.Redirect("https://bank.example/")));
    }

    // ---- legacy check transaction status ----------------------------------------------------

    static Stream<Arguments> legacyExamples() {
        return Stream.of(
                Arguments.of("legacy-check-tx-get.json", new NextStep.Redirect("https://pay.skrill.com/app/?sid=468")),
                Arguments.of("legacy-check-tx-post.json", new NextStep.SubmitForm("https://pay.skrill.com/app/?sid=468",
                        Map.of("PaReq", "fmn3o8usfjlils", "MD", "81962ed0-a65c", "TermUrl", "https://payop.com/3ds-result"))),
                Arguments.of("legacy-check-tx-repeat.json", new NextStep.Poll(Duration.ofSeconds(5))),
                // The documented quirk: url is "" and the result page comes in txid.
                Arguments.of("legacy-check-tx-success.json", new NextStep.Succeeded("http://resultUrl/success")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyExamples")
    void checkTransactionStatusTurnsEveryLegacyExampleIntoItsNextStep(String example, NextStep expected) {
        payop.stubFor(get(urlEqualTo("/v1/checkout/check-transaction-status/" + INVOICE))
                .willReturn(aResponse().withBody(Docs.json(example))));

        NextStep step = client.checkout().checkTransactionStatus(INVOICE);

        assertEquals(expected, step);
        payop.verify(1, getRequestedFor(urlEqualTo("/v1/checkout/check-transaction-status/" + INVOICE))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withoutHeader("Authorization"));
    }

    @Test
    void aTxidThatIsNotAUrlIsNotTakenForTheResultPage() {
        payop.stubFor(get(urlEqualTo("/v1/checkout/check-transaction-status/" + INVOICE)).willReturn(aResponse().withBody("""
                {"data": {"isSuccess": true, "status": "success", "form": [], "url": "", "txid": "%s"}, "status": 1}"""
                .formatted(INVOICE))));

        assertEquals(new NextStep.Succeeded(""), client.checkout().checkTransactionStatus(INVOICE));
    }

    // ---- card data never leaks --------------------------------------------------------------

    @Test
    void cardDataIsNeverShownByTheValueTypes() {
        Card card = new Card(PAN, "12/28", CVV, "Snatiago Delcaptcha");
        assertEquals("************4444", card.maskedPan());
        assertFalse(card.toString().contains(PAN), card.toString());
        assertFalse(card.toString().contains("12/28"), card.toString());
        CheckoutRequest request = CheckoutRequest.of(INVOICE, Customer.of("a@b.example", "A"), "https://s.example")
                .cardToken(new CardToken("tok-secret-value", null));
        assertFalse(request.toString().contains("tok-secret-value"), request.toString());
    }
}
