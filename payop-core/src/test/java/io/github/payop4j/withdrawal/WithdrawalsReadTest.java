package io.github.payop4j.withdrawal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading withdrawals. Payop documents no response body for user-withdrawals, so the bodies here
 * follow the fields of the documented withdrawal IPN (ipn-withdrawal.json) in both namings the
 * client accepts.
 */
class WithdrawalsReadTest {

    private static final String ID = "d024f697-ba2d-456f-910e-4d7fdfd338dd";

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

    @Test
    void methodsReadsTheDocsExampleWithTheJwt() {
        String url = "/v1/instrument-settings/payment-methods/available-withdrawal-for-user";
        payop.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withBody(Docs.json("withdrawal-methods.json"))));

        List<WithdrawalMethod> methods = client.withdrawals().methods();

        payop.verify(1, getRequestedFor(urlEqualTo(url))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT)));
        assertEquals(List.of(new WithdrawalMethod(15, "PayDo", List.of("EUR", "USD"))), methods);
    }

    @Test
    void getAsksForOneIdWithTheJwtAndParsesIt() {
        String url = "/v1/withdrawals/user-withdrawals?query%5Bidentifier%5D=" + ID;
        payop.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withBody("""
                {"data": [{"identifier": "%s", "status": 2, "amount": 100, "currency": "USD", "method": 15,
                           "comment": "Manager's comment", "createdAt": 1567402240,
                           "metadata": {"key1": "Metadata information."}}], "status": 1}""".formatted(ID))));

        Withdrawal w = client.withdrawals().get(ID).orElseThrow();

        payop.verify(1, getRequestedFor(urlEqualTo(url))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT)));
        assertEquals(ID, w.id());
        assertEquals(WithdrawalStatus.ACCEPTED, w.status());
        assertEquals(2, w.statusCode());
        assertEquals("100", w.amount());
        assertEquals("USD", w.currency());
        assertEquals(15, w.method());
        assertEquals("Manager's comment", w.comment());
        assertEquals("Metadata information.", w.metadata().getString("key1"));
        assertEquals(Instant.ofEpochSecond(1567402240L), w.createdAt());
    }

    @Test
    void getReadsTheIpnNaming() {
        String url = "/v1/withdrawals/user-withdrawals?query%5Bidentifier%5D=" + ID;
        payop.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withBody("""
                {"data": [{"withdrawalId": "%s", "state": 4, "amount": "99.90", "currency": "EUR",
                           "paymentMethod": "20", "comment": "", "metadata": [],
                           "error": {"message": "", "code": ""}}], "status": 1}""".formatted(ID))));

        Withdrawal w = client.withdrawals().get(ID).orElseThrow();

        assertEquals(ID, w.id());
        assertEquals(WithdrawalStatus.PENDING, w.status());
        assertEquals(4, w.statusCode());
        assertEquals("99.90", w.amount());
        assertEquals("EUR", w.currency());
        assertEquals(20, w.method());
        assertNull(w.comment());
        assertTrue(w.metadata().isEmpty());
        assertNull(w.createdAt());
    }

    @Test
    void getIsEmptyForAnUnknownIdOrAnotherWithdrawal() {
        payop.stubFor(get(urlEqualTo("/v1/withdrawals/user-withdrawals?query%5Bidentifier%5D=none"))
                .willReturn(aResponse().withBody("{\"data\": [], \"status\": 1}")));
        payop.stubFor(get(urlEqualTo("/v1/withdrawals/user-withdrawals?query%5Bidentifier%5D=wanted"))
                .willReturn(aResponse().withBody("{\"data\": [{\"identifier\": \"other\", \"status\": 2}], \"status\": 1}")));

        assertEquals(Optional.empty(), client.withdrawals().get("none"));
        assertEquals(Optional.empty(), client.withdrawals().get("wanted"));
    }

    @Test
    void listReadsEveryWithdrawalInPayopsOrder() {
        payop.stubFor(get(urlEqualTo("/v1/withdrawals/user-withdrawals")).willReturn(aResponse().withBody("""
                {"data": [
                  {"identifier": "w-1", "status": 1, "amount": 10, "currency": "EUR", "method": 15},
                  {"identifier": "w-2", "status": 3, "amount": "0.5", "currency": "USD", "method": 15,
                   "comment": "Rejected by manager"},
                  {"identifier": "w-3", "status": 2, "amount": 1e2, "currency": "USD", "method": 20}
                ], "status": 1}""")));

        List<Withdrawal> list = client.withdrawals().list();

        payop.verify(1, getRequestedFor(urlEqualTo("/v1/withdrawals/user-withdrawals"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT)));
        assertEquals(List.of("w-1", "w-2", "w-3"), list.stream().map(Withdrawal::id).toList());
        assertEquals(List.of(WithdrawalStatus.PENDING, WithdrawalStatus.REJECTED, WithdrawalStatus.ACCEPTED),
                list.stream().map(Withdrawal::status).toList());
        assertEquals(List.of("10", "0.5", "100"), list.stream().map(Withdrawal::amount).toList());
        assertEquals("Rejected by manager", list.get(1).comment());
        assertEquals(20, list.get(2).method());
    }

    @Test
    void withdrawalStatusesFollowTheDocs() {
        assertEquals(WithdrawalStatus.PENDING, WithdrawalStatus.of(1));
        assertEquals(WithdrawalStatus.ACCEPTED, WithdrawalStatus.of(2));
        assertEquals(WithdrawalStatus.REJECTED, WithdrawalStatus.of(3));
        assertEquals(WithdrawalStatus.PENDING, WithdrawalStatus.of(4));
        assertEquals(WithdrawalStatus.UNKNOWN, WithdrawalStatus.of(null));
    }
}
