package io.github.payop4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.error.PayopApiException;
import io.github.payop4j.error.PayopConnectionException;
import io.github.payop4j.error.PayopRateLimitException;
import io.github.payop4j.error.PayopServerException;
import io.github.payop4j.error.PayopTimeoutException;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport's retry rules, proven with WireMock faults: GETs are retried on connection
 * failures, timeouts, 429 and 502-504; a POST that may have reached Payop never is.
 */
class RetryRulesTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private static final String TX = "/v2/transactions/dca59ca5";

    private final List<Duration> sleeps = ClientFixture.newSleepLog();

    private PayopClient client(Consumer<PayopClient.Builder> tune) {
        PayopClient.Builder b = ClientFixture.recordingSleeps(ClientFixture.builder(payop.baseUrl()), sleeps);
        tune.accept(b);
        return b.build();
    }

    private static void failOnceThen(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        payop.stubFor(get(path).inScenario(path).whenScenarioStateIs(Scenario.STARTED).willReturn(first).willSetStateTo("ok"));
        payop.stubFor(get(path).inScenario(path).whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody(Docs.json("transaction-v2.json"))));
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void getIsRetriedOnGatewayErrors(int status) {
        failOnceThen(TX, aResponse().withStatus(status));
        try (PayopClient c = client(b -> { })) {
            assertEquals("transaction_id", c.transactions().get("dca59ca5").id());
        }
        payop.verify(2, getRequestedFor(urlEqualTo(TX)));
        assertEquals(1, sleeps.size());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void getIsRetriedOnConnectionFailures(Fault fault) {
        payop.stubFor(get(TX).willReturn(aResponse().withFault(fault)));
        try (PayopClient c = client(b -> { })) {
            PayopConnectionException e = assertThrows(PayopConnectionException.class, () -> c.transactions().get("dca59ca5"));
            assertTrue(e.getMessage().contains("read transaction dca59ca5"), e.getMessage());
        }
        // Three attempts of ours (the JDK may add its own silent repeat of a GET, which is harmless).
        assertEquals(2, sleeps.size());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void aMoneyPostIsSentExactlyOnceWhateverTheConnectionFailure(Fault fault) {
        // Invoice create was here until it became Retry.ORPHAN_IF_REPEATED (sent buffered, so the
        // JDK may repeat it once: PostReplayTest). The guarantee stands for every POST that moves money.
        payop.stubFor(post("/v1/checkout/create").willReturn(aResponse().withFault(fault)));
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withFault(fault)));
        payop.stubFor(post("/v1/checkout/void").willReturn(aResponse().withFault(fault)));
        try (PayopClient c = client(b -> { })) {
            assertTrue(assertThrows(PayopConnectionException.class, () -> c.checkout().createTransaction(
                    CheckoutRequest.of("inv-1", Customer.of("a@b.example", "A B"), "https://shop.example/s")))
                    .requestMayHaveReachedPayop());
            assertTrue(assertThrows(PayopConnectionException.class, () -> c.refunds().create(RefundRequest.full("tx-1")))
                    .requestMayHaveReachedPayop());
            assertTrue(assertThrows(PayopConnectionException.class, () -> c.checkout().voidTransaction("inv-1"))
                    .requestMayHaveReachedPayop());
        }
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/create")));
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create")));
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/void")));
        assertTrue(sleeps.isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void anInvoiceCreateIsNeverRetriedByTheClientAndAtMostOnceByTheJdk(Fault fault) {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withFault(fault)));
        try (PayopClient c = client(b -> { })) {
            PayopConnectionException e = assertThrows(PayopConnectionException.class, () -> c.invoices().create(invoice()));
            assertTrue(e.requestMayHaveReachedPayop());
        }
        int sent = payop.findAll(postRequestedFor(urlEqualTo("/v1/invoices/create"))).size();
        assertTrue(sent == 1 || sent == 2, "one request, plus at most HttpURLConnection's own repeat: " + sent);
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void getIsRetriedOnAReadTimeoutAndGivesUpAfterMaxAttempts() {
        payop.stubFor(get(TX).willReturn(aResponse().withFixedDelay(1000).withBody("{}")));
        try (PayopClient c = client(b -> b.readTimeout(Duration.ofMillis(150)))) {
            PayopTimeoutException e = assertThrows(PayopTimeoutException.class, () -> c.transactions().get("dca59ca5"));
            assertTrue(e.getMessage().contains("read timeout"), e.getMessage());
        }
        payop.verify(3, getRequestedFor(urlEqualTo(TX)));
        assertEquals(2, sleeps.size());
    }

    @Test
    void a429IsRetriedAfterTheRetryAfterPayopAsksFor() {
        failOnceThen(TX, aResponse().withStatus(429).withHeader("Retry-After", "3").withBody(Docs.json("balance-429.json")));
        try (PayopClient c = client(b -> { })) {
            c.transactions().get("dca59ca5");
        }
        assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
    }

    @Test
    void a429AskingForMoreThanMaxRetryAfterIsReportedAtOnce() {
        payop.stubFor(get(TX).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")
                .withBody(Docs.json("balance-429.json"))));
        try (PayopClient c = client(b -> { })) {
            PayopRateLimitException e = assertThrows(PayopRateLimitException.class, () -> c.transactions().get("dca59ca5"));
            assertEquals(Duration.ofSeconds(60), e.retryAfter().orElseThrow());
            assertEquals("Too many requests from ip", e.payopMessage());
        }
        payop.verify(1, getRequestedFor(urlEqualTo(TX)));
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void persistentFailureStopsAfterMaxAttemptsWithTheLastError() {
        payop.stubFor(get(TX).willReturn(aResponse().withStatus(503).withBody(Docs.json("error-500.json"))));
        try (PayopClient c = client(b -> b.retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(4)))) {
            PayopServerException e = assertThrows(PayopServerException.class, () -> c.transactions().get("dca59ca5"));
            assertEquals(503, e.httpStatus());
        }
        payop.verify(4, getRequestedFor(urlEqualTo(TX)));
    }

    @Test
    void noRetryPolicyMeansOneAttempt() {
        payop.stubFor(get(TX).willReturn(aResponse().withStatus(503)));
        try (PayopClient c = client(b -> b.retryPolicy(RetryPolicy.NONE))) {
            assertThrows(PayopServerException.class, () -> c.transactions().get("dca59ca5"));
        }
        payop.verify(1, getRequestedFor(urlEqualTo(TX)));
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndIsCapped() {
        payop.stubFor(get(TX).willReturn(aResponse().withStatus(503)));
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1));
        for (int run = 0; run < 20; run++) {
            sleeps.clear();
            try (PayopClient c = client(b -> b.retryPolicy(policy))) {
                assertThrows(PayopServerException.class, () -> c.transactions().get("dca59ca5"));
            }
            long[] ms = sleeps.stream().mapToLong(Duration::toMillis).toArray();
            assertEquals(4, ms.length);
            assertTrue(ms[0] >= 50 && ms[0] <= 100, "attempt 2 waits 50-100 ms, was " + ms[0]);
            assertTrue(ms[1] >= 100 && ms[1] <= 200, "attempt 3 waits 100-200 ms, was " + ms[1]);
            assertTrue(ms[2] >= 125 && ms[2] <= 250, "attempt 4 is capped at 250 ms, was " + ms[2]);
            assertTrue(ms[3] >= 125 && ms[3] <= 250, "attempt 5 is capped at 250 ms, was " + ms[3]);
        }
    }

    @Test
    void aPostIsNeverRetriedOnAGatewayError() {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withStatus(503).withBody(Docs.json("error-500.json"))));
        try (PayopClient c = client(b -> { })) {
            PayopServerException e = assertThrows(PayopServerException.class, () -> c.invoices().create(invoice()));
            assertTrue(e.getMessage().contains("may still have taken effect"), e.getMessage());
        }
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create")));
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void aPostIsNeverRetriedOnA429() {
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        try (PayopClient c = client(b -> { })) {
            assertThrows(PayopRateLimitException.class, () -> c.refunds().create(RefundRequest.full("tx-1")));
        }
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create")));
    }

    @Test
    void aPostThatTimedOutIsNotRetriedAndSaysItMayHaveTakenEffect() {
        payop.stubFor(post("/v1/checkout/create").willReturn(aResponse().withFixedDelay(1000).withBody("{}")));
        try (PayopClient c = client(b -> b.readTimeout(Duration.ofMillis(150)))) {
            PayopTimeoutException e = assertThrows(PayopTimeoutException.class, () -> c.checkout()
                    .createTransaction(CheckoutRequest.of("inv-1", Customer.of("a@b.example", "A B"), "https://shop.example/s")));
            assertTrue(e.requestMayHaveReachedPayop());
            assertTrue(e.getMessage().contains("check its result before sending it again"), e.getMessage());
        }
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/create")));
    }

    @Test
    void aPostWhoseConnectionWasResetIsNotRetried() {
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (PayopClient c = client(b -> { })) {
            PayopConnectionException e = assertThrows(PayopConnectionException.class,
                    () -> c.refunds().create(RefundRequest.full("tx-1")));
            assertTrue(e.requestMayHaveReachedPayop());
        }
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create")));
    }

    @Test
    void aRefusedConnectionIsRetriedForGetsAndReportedAsNeverSent() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        PayopClient.Builder b = ClientFixture.recordingSleeps(ClientFixture.builder("http://127.0.0.1:" + closedPort), sleeps);
        try (PayopClient c = b.build()) {
            PayopConnectionException e = assertThrows(PayopConnectionException.class, () -> c.transactions().get("x"));
            assertFalse(e.requestMayHaveReachedPayop());
            assertTrue(e.getMessage().contains("could not be opened"), e.getMessage());
        }
        assertEquals(2, sleeps.size(), "3 attempts, 2 waits");
    }

    @Test
    void exceptionsSayWhetherTheFailedCallMayHaveTakenEffect() throws IOException {
        payop.stubFor(post("/v1/invoices/create").willReturn(aResponse().withStatus(503)));
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withStatus(422).withBody(Docs.json("refund-too-big.json"))));
        payop.stubFor(get(TX).willReturn(aResponse().withStatus(503)));
        payop.stubFor(post("/v1/checkout/create").willReturn(aResponse().withFixedDelay(1000)));
        try (PayopClient c = client(b -> b.readTimeout(Duration.ofMillis(150)))) {
            PayopServerException post5xx = assertThrows(PayopServerException.class, () -> c.invoices().create(invoice()));
            assertEquals("POST", post5xx.requestMethod());
            assertTrue(post5xx.requestMayHaveTakenEffect(), "a 5xx to a POST: unknown outcome");
            assertFalse(assertThrows(PayopApiException.class, () -> c.refunds().create(RefundRequest.full("tx-1")))
                    .requestMayHaveTakenEffect(), "a 4xx is a refusal");
            PayopServerException get5xx = assertThrows(PayopServerException.class, () -> c.transactions().get("dca59ca5"));
            assertEquals("GET", get5xx.requestMethod());
            assertFalse(get5xx.requestMayHaveTakenEffect(), "reading changes nothing");
            assertTrue(assertThrows(PayopTimeoutException.class, () -> c.checkout().createTransaction(
                    CheckoutRequest.of("inv-1", Customer.of("a@b.example", "A B"), "https://shop.example/s")))
                    .requestMayHaveTakenEffect());
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (PayopClient c = ClientFixture.builder("http://127.0.0.1:" + closedPort).build()) {
            assertFalse(assertThrows(PayopConnectionException.class, () -> c.invoices().create(invoice()))
                    .requestMayHaveTakenEffect(), "never connected: nothing was sent");
        }
    }

    @Test
    void timeoutsAndRetryPolicyAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> PayopClient.builder().readTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO));
        assertEquals(Duration.ofSeconds(10), PayopClient.DEFAULT_CONNECT_TIMEOUT);
        assertEquals(Duration.ofSeconds(30), PayopClient.DEFAULT_READ_TIMEOUT);
        assertEquals(3, RetryPolicy.DEFAULT.maxAttempts());
    }

    private static InvoiceRequest invoice() {
        return InvoiceRequest.builder().orderId("o-1").amount("10.00").currency("EUR")
                .payer(Payer.withEmail("a@b.example")).build();
    }
}
