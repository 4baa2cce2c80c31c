package io.github.payop4j.transaction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransactionsTest {

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
    void getReadsTheV2DocsExampleWithTheJwt() {
        payop.stubFor(get(urlEqualTo("/v2/transactions/transaction_id"))
                .willReturn(aResponse().withBody(Docs.json("transaction-v2.json"))));

        Transaction tx = client.transactions().get("transaction_id");

        payop.verify(1, getRequestedFor(urlEqualTo("/v2/transactions/transaction_id"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT)));
        assertEquals("transaction_id", tx.id());
        assertEquals(TransactionState.FAILED, tx.state());
        assertEquals(5, tx.stateCode());
        assertTrue(tx.state().isFinal());
        assertEquals("error message", tx.error());
        assertEquals("134666", tx.orderId());
        assertEquals("100", tx.amount());
        assertEquals("USD", tx.currency());
        assertNull(tx.payAmount());
        assertNull(tx.payCurrency());
        assertNull(tx.paymentMethod());
        assertEquals(Instant.ofEpochSecond(1567402240L), tx.createdAt());
        assertNull(tx.updatedAt());
        assertEquals("https://your.site/result", tx.resultUrl());
    }

    @Test
    void getAlsoReadsTheLegacyV1Shape() {
        String id = "81962ed0-a65c-4d1a-851b-b3dbf9750399";
        payop.stubFor(get(urlEqualTo("/v2/transactions/" + id))
                .willReturn(aResponse().withBody(Docs.json("transaction-legacy-v1.json"))));

        Transaction tx = client.transactions().get(id);

        assertEquals(id, tx.id());
        assertEquals(TransactionState.FAILED, tx.state());
        assertEquals(5, tx.stateCode());
        assertEquals("3DS authorization error or 3DS canceled by payer", tx.error());
        assertEquals("134666", tx.orderId());
        assertEquals("100", tx.amount());
        assertEquals("USD", tx.currency());
        assertEquals("101.5", tx.payAmount());
        assertEquals("USD", tx.payCurrency());
        // "paymentMethodIdentifier": "381" is a string in this example.
        assertEquals(381, tx.paymentMethod());
        assertEquals(Instant.ofEpochSecond(1567402240L), tx.createdAt());
        assertNull(tx.updatedAt());
        assertEquals("https://your.site/result", tx.resultUrl());
        assertEquals("4444", tx.raw().getJsonObject("cardMetadata").getString("lastDigits"));
    }

    @Test
    void getEncodesTheIdIntoThePath() {
        payop.stubFor(get(urlEqualTo("/v2/transactions/..%2F..%2Fv1%2Fwallets%2Fget-balances"))
                .willReturn(aResponse().withBody(Docs.json("transaction-v2.json"))));

        client.transactions().get("../../v1/wallets/get-balances");

        payop.verify(1, getRequestedFor(urlEqualTo("/v2/transactions/..%2F..%2Fv1%2Fwallets%2Fget-balances")));
    }

    @Test
    void filterSendsTheIdsAsAPhpQueryAndReadsEveryTransaction() {
        String url = "/v1/transactions/filter?query%5Bidentifiers%5D=transaction_id_1,transaction_id_2,transaction_id_N";
        payop.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withBody(Docs.json("transactions-filter.json"))));

        List<Transaction> txs = client.transactions().filter(
                List.of("transaction_id_1", "transaction_id_2", "transaction_id_N"));

        payop.verify(1, getRequestedFor(urlEqualTo(url))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT)));
        assertEquals(List.of("transaction_id_1", "transaction_id_2", "transaction_id_N"),
                txs.stream().map(Transaction::id).toList());

        Transaction paid = txs.get(0);
        assertEquals(TransactionState.ACCEPTED, paid.state());
        assertEquals(2, paid.stateCode());
        assertEquals("", paid.error());
        assertEquals("117", paid.orderId());
        assertEquals("0.53", paid.amount());
        assertEquals("EUR", paid.currency());
        assertEquals("1", paid.payAmount());
        assertEquals("EUR", paid.payCurrency());
        assertEquals(37000000, paid.paymentMethod());
        assertEquals(Instant.ofEpochSecond(1773131689L), paid.createdAt());
        assertEquals(Instant.ofEpochSecond(1773131824L), paid.updatedAt());
        assertNull(paid.resultUrl());

        Transaction rejected = txs.get(1);
        assertEquals(TransactionState.FAILED, rejected.state());
        assertEquals("Payop. Transaction rejected by security reason.", rejected.error());
        assertEquals("331", rejected.orderId());
        assertEquals("3", rejected.amount());
        assertEquals("3.13", rejected.payAmount());
        assertEquals(List.of("371", "5", "5.15"),
                List.of(txs.get(2).orderId(), txs.get(2).amount(), txs.get(2).payAmount()));
    }

    @Test
    void filterEncodesEachIdButKeepsTheCommaSeparator() {
        String url = "/v1/transactions/filter?query%5Bidentifiers%5D=a%2Cb,c%26d%3De";
        payop.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withBody("{\"data\": [], \"status\": 1}")));

        assertEquals(List.of(), client.transactions().filter(List.of("a,b", "c&d=e")));
        payop.verify(1, getRequestedFor(urlEqualTo(url)));
    }

    @Test
    void filterOfNoIdsIsRefusedBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> client.transactions().filter(List.of()));
        assertThrows(IllegalArgumentException.class, () -> client.transactions().ibans(List.of()));
        assertEquals(0, payop.getAllServeEvents().size());
    }

    @Test
    void ibansMapsEveryIdAndANullIbanToEmpty() {
        String url = "/v1/transactions/ibans?query%5Bidentifiers%5D=707ca351-eab7-50e0-85f1-aa420b5d6fef,"
                + "cc1d2e83-49a6-54f5-a929-eb3bd2d97bbb,5363c906-48f5-59a5-a9a5-bb9718f9940d";
        payop.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withBody(Docs.json("transaction-ibans.json"))));

        Map<String, Optional<String>> ibans = client.transactions().ibans(List.of("707ca351-eab7-50e0-85f1-aa420b5d6fef",
                "cc1d2e83-49a6-54f5-a929-eb3bd2d97bbb", "5363c906-48f5-59a5-a9a5-bb9718f9940d"));

        payop.verify(1, getRequestedFor(urlEqualTo(url))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT)));
        assertEquals(List.of("707ca351-eab7-50e0-85f1-aa420b5d6fef", "cc1d2e83-49a6-54f5-a929-eb3bd2d97bbb",
                "5363c906-48f5-59a5-a9a5-bb9718f9940d"), List.copyOf(ibans.keySet()));
        assertEquals(Optional.empty(), ibans.get("707ca351-eab7-50e0-85f1-aa420b5d6fef"));
        assertEquals(Optional.of("GB00000000000000000000"), ibans.get("cc1d2e83-49a6-54f5-a929-eb3bd2d97bbb"));
        assertEquals(Optional.of("GB00000000000000000000"), ibans.get("5363c906-48f5-59a5-a9a5-bb9718f9940d"));
    }

    @Test
    void transactionCallsNeedAJwtAndSayHowToGetOne() {
        try (PayopClient noJwt = PayopClient.builder().publicKey(PayopStub.PUBLIC_KEY).apiUrl(payop.baseUrl()).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> noJwt.transactions().get("t-1"));
            assertTrue(e.getMessage().contains("JWT token"), e.getMessage());
            assertTrue(e.getMessage().contains("read transaction t-1"), e.getMessage());
            assertFalse(noJwt.hasJwtToken());
        }
        assertEquals(0, payop.getAllServeEvents().size());
    }

    @Test
    void transactionStatesFollowTheDocsTable() {
        assertEquals(TransactionState.NEW, TransactionState.of(1));
        assertEquals(TransactionState.ACCEPTED, TransactionState.of(2));
        assertEquals(TransactionState.FAILED, TransactionState.of(3));
        assertEquals(TransactionState.PENDING, TransactionState.of(4));
        assertEquals(TransactionState.FAILED, TransactionState.of(5));
        assertEquals(TransactionState.PRE_APPROVED, TransactionState.of(9));
        assertEquals(TransactionState.TIMEOUT, TransactionState.of(15));
        assertEquals(TransactionState.UNKNOWN, TransactionState.of(null));
        // Pre-approved may still turn into failed: not final.
        assertFalse(TransactionState.PRE_APPROVED.isFinal());
        assertFalse(TransactionState.PENDING.isFinal());
        assertTrue(TransactionState.TIMEOUT.isFinal());
    }
}
