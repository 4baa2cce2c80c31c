package io.github.payop4j.withdrawal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.error.PayopAuthenticationException;
import io.github.payop4j.error.PayopServerException;
import io.github.payop4j.internal.crypto.Libsodium;
import io.github.payop4j.money.Amount;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mass withdrawal: the payload is sealed to the certificate, and real libsodium opens it. */
class WithdrawalsCreateMassTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private final Libsodium sodium = Libsodium.loadOrFail();
    private final byte[] publicKey = new byte[32];
    private final byte[] secretKey = new byte[32];
    private PayopClient client;

    @BeforeEach
    void setUp() {
        sodium.crypto_box_keypair(publicKey, secretKey);
        client = ClientFixture.builder(payop.baseUrl())
                .withdrawalCertificate(WithdrawalCertificate.fromBytes(publicKey))
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private String open(LoggedRequest request) {
        String data = request.getBodyAsString().replaceAll("^\\{\"data\":\"(.*)\"\\}$", "$1");
        byte[] sealed = Base64.getDecoder().decode(data);
        byte[] plain = new byte[sealed.length - 48];
        assertEquals(0, sodium.crypto_box_seal_open(plain, sealed, sealed.length, publicKey, secretKey),
                "libsodium could not open the sealed payload");
        return new String(plain, StandardCharsets.UTF_8);
    }

    private static List<WithdrawalRequest> docsPayouts() {
        Map<String, Object> additional = new LinkedHashMap<>();
        additional.put("direction", "Test Payout");
        additional.put("email", "recipient@example.com");
        additional.put("recipientAccountType", 1);
        return List.of(WithdrawalRequest.of(15, Amount.of("1000"), CurrencyCode.of("EUR"), additional)
                .metadata(Map.of("internalOrderId", "ORDER-2024-001")));
    }

    @Test
    void sealsTheDocumentedPayloadSendsItWithKeyAndTokenAndParsesTheIds() {
        payop.stubFor(post("/v1/withdrawals/create-mass").willReturn(aResponse()
                .withBody(Docs.json("withdrawal-create-mass.json"))));

        MassWithdrawalResult result = client.withdrawals().createMass(docsPayouts(), "5c2eeb7f-f7db-4b9f-ae1d-f1bc2e6e5694");

        payop.verify(1, postRequestedFor(urlEqualTo("/v1/withdrawals/create-mass"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT))
                .withHeader("idempotency-key", equalTo("5c2eeb7f-f7db-4b9f-ae1d-f1bc2e6e5694"))
                .withRequestBody(matchingJsonPath("$.data")));
        // The docs' raw payload, field for field, with the amount literal exactly as given.
        assertEquals("[{\"method\":15,\"type\":1,\"amount\":1000,\"currency\":\"EUR\",\"additionalData\":"
                + "{\"direction\":\"Test Payout\",\"email\":\"recipient@example.com\",\"recipientAccountType\":1},"
                + "\"metadata\":{\"internalOrderId\":\"ORDER-2024-001\"}}]", open(payop.getAllServeEvents().get(0).getRequest()));
        assertEquals("5c2eeb7f-f7db-4b9f-ae1d-f1bc2e6e5694", result.idempotencyKey());
        assertEquals(List.of("eab40b05-805b-5dbb-8900-a634a9ecaf57", "19b60564-e75e-5c51-988d-9b7bf69ae240"),
                result.withdrawals().stream().map(CreatedWithdrawal::id).toList());
        assertTrue(result.withdrawals().get(0).metadata().isEmpty(), "PHP [] metadata reads as an empty object");
    }

    @Test
    void decimalAmountsAndFeeFromWithdrawalAreSentExactly() {
        payop.stubFor(post("/v1/withdrawals/create-mass").willReturn(aResponse().withBody(Docs.json("withdrawal-create-mass.json"))));

        client.withdrawals().createMass(List.of(
                WithdrawalRequest.of(20, Amount.of("0.0000001"), CurrencyCode.of("eur"), Map.of("email", "r@example.com"))
                        .fee(WithdrawalFee.FROM_WITHDRAWAL)));

        String payload = open(payop.getAllServeEvents().get(0).getRequest());
        assertTrue(payload.contains("\"type\":2,\"amount\":0.0000001,\"currency\":\"EUR\""), payload);
    }

    @Test
    void aGeneratedIdempotencyKeyIsReturnedAndSent() {
        payop.stubFor(post("/v1/withdrawals/create-mass").willReturn(aResponse().withBody(Docs.json("withdrawal-create-mass.json"))));

        MassWithdrawalResult result = client.withdrawals().createMass(docsPayouts());

        assertTrue(result.idempotencyKey().matches("[0-9a-f-]{36}"), result.idempotencyKey());
        payop.verify(postRequestedFor(urlEqualTo("/v1/withdrawals/create-mass"))
                .withHeader("idempotency-key", equalTo(result.idempotencyKey())));
    }

    @Test
    void isRetriedAfterA503AndATimeoutWithTheSameKeyAndTheSameSealedBody() {
        List<Duration> sleeps = ClientFixture.newSleepLog();
        try (PayopClient retrying = ClientFixture.recordingSleeps(ClientFixture.builder(payop.baseUrl())
                .withdrawalCertificate(WithdrawalCertificate.fromBytes(publicKey))
                .readTimeout(Duration.ofMillis(300)), sleeps).build()) {
            payop.stubFor(post("/v1/withdrawals/create-mass").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(503)).willSetStateTo("slow"));
            payop.stubFor(post("/v1/withdrawals/create-mass").inScenario("flaky").whenScenarioStateIs("slow")
                    .willReturn(aResponse().withFixedDelay(1500).withBody("{}")).willSetStateTo("ok"));
            payop.stubFor(post("/v1/withdrawals/create-mass").inScenario("flaky").whenScenarioStateIs("ok")
                    .willReturn(aResponse().withBody(Docs.json("withdrawal-create-mass.json"))));

            MassWithdrawalResult result = retrying.withdrawals().createMass(docsPayouts(), "batch-2026-11-21-001");

            List<LoggedRequest> requests = payop.findAll(postRequestedFor(urlEqualTo("/v1/withdrawals/create-mass")));
            assertEquals(3, requests.size());
            for (LoggedRequest r : requests) {
                assertEquals("batch-2026-11-21-001", r.getHeader("idempotency-key"));
                assertArrayEquals(requests.get(0).getBody(), r.getBody(), "every attempt repeats the same sealed bytes");
            }
            assertEquals(2, sleeps.size());
            assertEquals(2, result.withdrawals().size());
        }
    }

    @Test
    void givesUpAfterMaxAttempts() {
        payop.stubFor(post("/v1/withdrawals/create-mass").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        payop.stubFor(post("/v1/withdrawals/create-mass").atPriority(1).willReturn(aResponse().withStatus(502)));

        assertThrows(PayopServerException.class, () -> client.withdrawals().createMass(docsPayouts(), "k-1"));
        payop.verify(3, postRequestedFor(urlEqualTo("/v1/withdrawals/create-mass")));
    }

    @Test
    void aRejectedTokenIsReportedOnceWithPayopsMessage() {
        payop.stubFor(post("/v1/withdrawals/create-mass").willReturn(aResponse().withStatus(401)
                .withBody(Docs.json("token-invalid.json"))));

        PayopAuthenticationException e = assertThrows(PayopAuthenticationException.class,
                () -> client.withdrawals().createMass(docsPayouts(), "k-401"));

        // Keyed requests stay buffered, so unlike streamed POSTs the 401 keeps Payop's text.
        assertEquals("Authorization token invalid", e.payopMessage());
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/withdrawals/create-mass")));
    }

    @Test
    void refusesToRunWithoutACertificateOrWithABadKeyBeforeAnyRequest() {
        try (PayopClient noCert = ClientFixture.client(payop.baseUrl())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> noCert.withdrawals().createMass(docsPayouts()));
            assertTrue(e.getMessage().contains("withdrawalCertificate"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> client.withdrawals().createMass(docsPayouts(), "has space"));
        assertThrows(IllegalArgumentException.class, () -> client.withdrawals().createMass(List.of()));
        assertThrows(IllegalArgumentException.class, () -> WithdrawalCertificate.fromBytes(new byte[31]));
        payop.verify(0, postRequestedFor(urlEqualTo("/v1/withdrawals/create-mass")));
    }

    @Test
    void aCertificateReadsFromRawBytesOrBase64() {
        String b64 = Base64.getEncoder().encodeToString(publicKey);
        assertEquals(WithdrawalCertificate.fromBytes(publicKey), WithdrawalCertificate.fromBase64(b64));
    }
}
