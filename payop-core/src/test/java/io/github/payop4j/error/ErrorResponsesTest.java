package io.github.payop4j.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.balance.BalanceQuery;
import io.github.payop4j.checkout.Card;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error answer Payop documents, through the operation it documents it for. */
class ErrorResponsesTest {

    private static final String PAN = "4111111111111111";
    private static final String CVV = "737";
    private static final Card CARD = new Card(PAN, "12/28", CVV, "Jane Doe");
    private static final CheckoutRequest CHECKOUT = CheckoutRequest.of("inv-1", Customer.of("a@b.example", "A B"),
            "https://shop.example/status/{{txid}}");
    private static final String BLANK = "This value should not be blank.";

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

    /**
     * One documented error.
     *
     * @param url the exact URL the call requests
     * @param operation how the exception message must name the call
     * @param advice a phrase of what to do, expected after the status
     */
    record ErrorCase(String fixture, int status, String method, String url, Consumer<PayopClient> call,
            String operation, Class<? extends PayopApiException> type, String payopMessage,
            Map<String, List<String>> fieldErrors, String advice) {

        @Override
        public String toString() {
            return status + " " + fixture + " on " + method + " " + url;
        }
    }

    static Stream<ErrorCase> documentedErrors() {
        String methods = "/v1/instrument-settings/payment-methods/available-for-application/" + PayopStub.PROJECT_ID;
        return Stream.of(
                // A 401 to a POST loses Payop's text on Jersey: the POST is streamed so the JDK can
                // never replay it, and in streaming mode HttpURLConnection drops a 401's body.
                new ErrorCase("error-401.json", 401, "POST", "/v1/refunds/create",
                        c -> c.refunds().create(RefundRequest.full("tx-1")), "refund transaction tx-1",
                        PayopAuthenticationException.class, "", Map.of(), "JWT token"),
                new ErrorCase("error-401.json", 401, "POST", "/v1/checkout/create",
                        c -> c.checkout().createTransaction(CHECKOUT), "create a checkout transaction for invoice inv-1",
                        PayopAuthenticationException.class, "", Map.of(), "public key"),
                new ErrorCase("token-invalid.json", 401, "GET", "/v2/transactions/t-1",
                        c -> c.transactions().get("t-1"), "read transaction t-1",
                        PayopAuthenticationException.class, "Authorization token invalid", Map.of(), "JWT token"),
                new ErrorCase("balance-401.json", 401, "GET", "/v1/wallets/get-balances",
                        c -> c.wallet().balances(), "read wallet balances",
                        PayopAuthenticationException.class, "Unable find authenticated user", Map.of(), "JWT token"),
                new ErrorCase("error-403.json", 403, "GET", methods,
                        c -> c.paymentMethods().available(), "list payment methods of project " + PayopStub.PROJECT_ID,
                        PayopPermissionException.class, "Access denied.", Map.of(), "not allowed"),
                new ErrorCase("card-token-forbidden.json", 403, "POST", "/v1/payment-tools/card-token/create",
                        c -> c.checkout().createCardToken("inv-1", CARD), "create a card token for invoice inv-1",
                        PayopPermissionException.class,
                        "Card tokenization is not available for your application. Please contact support", Map.of(),
                        "ask Payop support"),
                new ErrorCase("error-404.json", 404, "GET", "/v1/checkout/check-invoice-status/nope",
                        c -> c.checkout().checkInvoiceStatus("nope"), "check the status of invoice nope",
                        PayopNotFoundException.class, "Invoice not found", Map.of(), "Check the id"),
                new ErrorCase("error-422-validation.json", 422, "POST", "/v1/checkout/create",
                        c -> c.checkout().createTransaction(CHECKOUT), "create a checkout transaction for invoice inv-1",
                        PayopValidationException.class, "email: " + BLANK + "; password: " + BLANK,
                        Map.of("email", List.of(BLANK), "password", List.of(BLANK)), "Correct the request"),
                new ErrorCase("card-token-invalid.json", 422, "POST", "/v1/payment-tools/card-token/create",
                        c -> c.checkout().createCardToken("inv-1", CARD), "create a card token for invoice inv-1",
                        PayopValidationException.class,
                        "pan: Invalid card number.; expirationDate: This value is not valid.",
                        Map.of("pan", List.of("Invalid card number."), "expirationDate", List.of("This value is not valid.")),
                        "Correct the request"),
                new ErrorCase("error-422-method.json", 422, "POST", "/v1/checkout/create",
                        c -> c.checkout().createTransaction(CHECKOUT), "create a checkout transaction for invoice inv-1",
                        PayopValidationException.class, "Method must be enabled to use it", Map.of(),
                        "Correct the request"),
                new ErrorCase("balance-400.json", 400, "GET", "/v1/wallets/get-balances?currency=EUR",
                        c -> c.wallet().balances(BalanceQuery.currencies(CurrencyCode.of("EUR"))), "read wallet balances",
                        PayopValidationException.class, "currencies [0]: This value is not a valid currency.",
                        Map.of("currencies [0]", List.of("This value is not a valid currency.")), "Correct the request"),
                new ErrorCase("error-500.json", 500, "GET", "/v1/transactions/filter?query%5Bidentifiers%5D=t-1,t-2",
                        c -> c.transactions().filter(List.of("t-1", "t-2")), "read 2 transactions",
                        PayopServerException.class, "Something went wrong, try again or contact support.", Map.of(),
                        "try again later"),
                new ErrorCase("balance-500.json", 500, "GET", "/v1/wallets/get-balances",
                        c -> c.wallet().balances(), "read wallet balances", PayopServerException.class,
                        "cURL error 7: Failed to connect to engine-service port 80 after 1 ms: Could not connect to server",
                        Map.of(), "try again later"),
                new ErrorCase("card-token-unavailable.json", 503, "POST", "/v1/payment-tools/card-token/create",
                        c -> c.checkout().createCardToken("inv-1", CARD), "create a card token for invoice inv-1",
                        PayopServerException.class,
                        "Card tokenization is temporarily unavailable. Please contact support", Map.of(),
                        "may still have taken effect"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedErrors")
    void everyDocumentedErrorBecomesItsTypedExceptionAfterExactlyOneRequest(ErrorCase c) {
        payop.stubFor(request(c.method(), urlEqualTo(c.url()))
                .willReturn(aResponse().withStatus(c.status()).withHeader("Content-Type", "application/json")
                        .withBody(Docs.json(c.fixture()))));

        PayopApiException e = assertThrows(PayopApiException.class, () -> c.call().accept(client));

        assertInstanceOf(c.type(), e);
        assertEquals(c.type(), e.getClass());
        assertEquals(c.status(), e.httpStatus());
        assertEquals(c.payopMessage(), e.payopMessage());
        assertEquals(c.fieldErrors(), e.fieldErrors());
        assertMessageNamesTheCallAndAdvises(e, c.operation(), c.method(), c.status(), c.advice());
        // None of these statuses is retried (and a POST never is): exactly one request reached Payop.
        assertEquals(1, payop.getAllServeEvents().size());
        assertEquals(c.url(), payop.getAllServeEvents().get(0).getRequest().getUrl());
    }

    /**
     * "Payop could not {operation} ({METHOD} {path}): HTTP {status}, "{payop message}". {advice}":
     * the call is named and the text after the status (and Payop's message) says what to do.
     */
    private static void assertMessageNamesTheCallAndAdvises(PayopApiException e, String operation, String method,
            int status, String advice) {
        String message = e.getMessage();
        assertTrue(message.contains("could not " + operation + " (" + method + " /"), message);
        int at = message.indexOf("HTTP " + status);
        assertTrue(at > 0, message);
        String after = message.substring(at + ("HTTP " + status).length());
        if (!e.payopMessage().isEmpty()) {
            assertTrue(after.startsWith(", \"" + e.payopMessage() + "\""), message);
            after = after.substring(e.payopMessage().length() + 4);
        }
        String whatToDo = after.replaceFirst("^[.\\s]+", "");
        assertFalse(whatToDo.isBlank(), "no advice after the status: " + message);
        assertTrue(whatToDo.contains(advice), message);
        assertFalse(message.contains(PayopStub.JWT), message);
        assertFalse(message.contains(PayopStub.SECRET_KEY), message);
    }

    // ---- 429 ------------------------------------------------------------------------------------

    @Test
    void rateLimitLongerThanTheRetryPolicyAllowsIsThrownAtOnceWithRetryAfter() {
        var sleeps = ClientFixture.newSleepLog();
        payop.stubFor(get(urlEqualTo("/v1/wallets/get-balances")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "60").withBody(Docs.json("balance-429.json"))));

        try (PayopClient recording = ClientFixture.recordingSleeps(ClientFixture.builder(payop.baseUrl()), sleeps).build()) {
            PayopRateLimitException e = assertThrows(PayopRateLimitException.class, () -> recording.wallet().balances());

            assertEquals(429, e.httpStatus());
            assertEquals("Too many requests from ip", e.payopMessage());
            assertEquals(Optional.of(Duration.ofSeconds(60)), e.retryAfter());
            assertEquals(Map.of(), e.fieldErrors());
            assertMessageNamesTheCallAndAdvises(e, "read wallet balances", "GET", 429, "wait 60 s before trying again");
        }
        // 60 s exceeds the fixture's maxRetryAfter of 5 s: no waiting, no second request.
        payop.verify(1, getRequestedFor(urlEqualTo("/v1/wallets/get-balances")));
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aShortRetryAfterIsHonouredOnAGetUntilTheAttemptsRunOut() {
        var sleeps = ClientFixture.newSleepLog();
        payop.stubFor(get(urlEqualTo("/v1/wallets/get-balances")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "2").withBody(Docs.json("balance-429.json"))));

        try (PayopClient recording = ClientFixture.recordingSleeps(ClientFixture.builder(payop.baseUrl()), sleeps).build()) {
            PayopRateLimitException e = assertThrows(PayopRateLimitException.class, () -> recording.wallet().balances());
            assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryAfter());
        }
        payop.verify(3, getRequestedFor(urlEqualTo("/v1/wallets/get-balances")));
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeps);
    }

    @Test
    void aRateLimitedPostIsNeverRepeatedEvenWithAShortRetryAfter() {
        var sleeps = ClientFixture.newSleepLog();
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "1").withBody(Docs.json("balance-429.json"))));

        try (PayopClient recording = ClientFixture.recordingSleeps(ClientFixture.builder(payop.baseUrl()), sleeps).build()) {
            PayopRateLimitException e = assertThrows(PayopRateLimitException.class,
                    () -> recording.refunds().create(RefundRequest.full("tx-1")));
            assertEquals(Optional.of(Duration.ofSeconds(1)), e.retryAfter());
        }
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create")));
        assertEquals(List.of(), sleeps);
    }

    // ---- 5xx retry contrast ---------------------------------------------------------------------

    @Test
    void aServiceUnavailableGetIsRetriedWhereTheSamePostIsNot() {
        payop.stubFor(get(urlEqualTo("/v1/checkout/check-invoice-status/inv-1")).willReturn(aResponse().withStatus(503)
                .withBody(Docs.json("card-token-unavailable.json"))));

        PayopServerException e = assertThrows(PayopServerException.class,
                () -> client.checkout().checkInvoiceStatus("inv-1"));

        assertEquals(503, e.httpStatus());
        assertMessageNamesTheCallAndAdvises(e, "check the status of invoice inv-1", "GET", 503, "try again later");
        payop.verify(3, getRequestedFor(urlEqualTo("/v1/checkout/check-invoice-status/inv-1")));
    }

    @Test
    void aProxyErrorPageWithoutJsonStillGivesTypeStatusAndAdvice() {
        payop.stubFor(get(urlEqualTo("/v2/transactions/t-1")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>")));

        PayopServerException e = assertThrows(PayopServerException.class, () -> client.transactions().get("t-1"));

        assertEquals(502, e.httpStatus());
        assertEquals("", e.payopMessage());
        assertEquals(Map.of(), e.fieldErrors());
        assertMessageNamesTheCallAndAdvises(e, "read transaction t-1", "GET", 502, "try again later");
        payop.verify(3, getRequestedFor(urlEqualTo("/v2/transactions/t-1")));
    }

    // ---- nested field messages ------------------------------------------------------------------

    @Test
    void nestedFieldMessagesAreFlattenedIntoDottedKeysAndNoTextIsLost() {
        payop.stubFor(post("/v1/checkout/create").willReturn(aResponse().withStatus(422).withBody("""
                {"message": {"order": {"amount": ["This value should be greater than 0."]},
                             "payer.email": ["This value is not a valid email address."]}}""")));

        PayopValidationException e = assertThrows(PayopValidationException.class,
                () -> client.checkout().createTransaction(CHECKOUT));

        assertEquals(Map.of("order.amount", List.of("This value should be greater than 0."),
                "payer.email", List.of("This value is not a valid email address.")), e.fieldErrors());
        assertEquals("order.amount: This value should be greater than 0.;"
                + " payer.email: This value is not a valid email address.", e.payopMessage());
        assertMessageNamesTheCallAndAdvises(e, "create a checkout transaction for invoice inv-1", "POST", 422,
                "Correct the request");
    }

    // ---- secrets in Payop's messages ------------------------------------------------------------

    @Test
    void cardDataEchoedInAnErrorIsRedactedEverywhere() {
        payop.stubFor(post("/v1/payment-tools/card-token/create").willReturn(aResponse().withStatus(422).withBody("""
                {"message": {"pan": ["Card %s is not supported."], "cvv": ["CVV %s is wrong."]}}""".formatted(PAN, CVV))));

        PayopValidationException e = assertThrows(PayopValidationException.class,
                () -> client.checkout().createCardToken("inv-1", CARD));

        assertFalse(e.getMessage().contains(PAN), e.getMessage());
        assertFalse(e.getMessage().contains(CVV), e.getMessage());
        assertFalse(e.payopMessage().contains(PAN), e.payopMessage());
        assertEquals(Map.of("pan", List.of("Card [redacted] is not supported."), "cvv", List.of("CVV [redacted] is wrong.")),
                e.fieldErrors());
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/payment-tools/card-token/create")));
    }

    @Test
    void theJwtEchoedInAnErrorIsRedacted() {
        payop.stubFor(get(urlEqualTo("/v2/transactions/t-1")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"Authorization token " + PayopStub.JWT + " invalid\"}")));

        PayopAuthenticationException e = assertThrows(PayopAuthenticationException.class,
                () -> client.transactions().get("t-1"));

        assertEquals("Authorization token [redacted] invalid", e.payopMessage());
        assertFalse(e.getMessage().contains(PayopStub.JWT), e.getMessage());
    }
}
