package io.github.payop4j.refund;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.error.PayopResponseException;
import io.github.payop4j.error.PayopValidationException;
import io.github.payop4j.money.Amount;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefundsTest {

    private static final String TX = "d839c714-7743-47cf-8f9d-73592597c6e1";
    private static final String REFUND_ID = "81962ed0-a65c-4d1a-851b-b3dbf9750399";

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

    private static void stubCreate() {
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse()
                .withHeader("identifier", REFUND_ID).withBody(Docs.json("refund-create.json"))));
    }

    private static String sentBody() {
        return payop.getAllServeEvents().get(0).getRequest().getBodyAsString();
    }

    /** The literal after "amount": is exactly the text, not a longer or reformatted number. */
    private static boolean hasAmountLiteral(String body, String amount) {
        return Pattern.compile("\"amount\":" + Pattern.quote(amount) + "[,}]").matcher(body).find();
    }

    @Test
    void fullRefundSendsTypeOneWithTheJwtAndReturnsTheIdFromTheHeader() {
        stubCreate();

        String id = client.refunds().create(RefundRequest.full(TX));

        payop.verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT))
                .withRequestBody(equalToJson("{\"transactionIdentifier\": \"" + TX + "\", \"refundType\": 1}")));
        assertEquals(REFUND_ID, id);
    }

    @Test
    void partialRefundSendsTheDocsExampleWithTheAmountAsAnExactNumber() {
        stubCreate();

        String id = client.refunds().create(RefundRequest.partial(TX, Amount.of("10.50"))
                .metadata(Map.of("internal merchant id", "example")));

        payop.verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT))
                .withRequestBody(equalToJson("""
                        {"transactionIdentifier": "%s", "refundType": 2, "amount": 10.50,
                         "metadata": {"internal merchant id": "example"}}""".formatted(TX))));
        String body = sentBody();
        assertTrue(body.contains("\"amount\":10.50"), body);
        assertTrue(body.contains("\"refundType\":2"), body);
        assertEquals(REFUND_ID, id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "0.01", "1.2000", "440.65", "0.00000001", "123456789012345678.12345678"})
    void theAmountLiteralIsByteIdenticalToTheAmount(String amount) {
        stubCreate();

        client.refunds().create(RefundRequest.partial(TX, Amount.of(amount)));

        String body = sentBody();
        assertTrue(hasAmountLiteral(body, amount), body);
    }

    @Test
    void aBigDecimalAmountIsSentInPlainNotation() {
        stubCreate();

        client.refunds().create(RefundRequest.partial(TX, Amount.of(new BigDecimal("1E+1"))));

        String body = sentBody();
        assertTrue(hasAmountLiteral(body, "10"), body);
    }

    @Test
    void metadataKeepsTypesAndNesting() {
        stubCreate();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("order", "A-17");
        metadata.put("attempt", 2);
        metadata.put("fee", new BigDecimal("0.10"));
        metadata.put("auto", true);
        metadata.put("tags", List.of("x", "y"));
        metadata.put("nested", Map.of("k", "v"));

        client.refunds().create(RefundRequest.full(TX).metadata(metadata));

        payop.verify(postRequestedFor(urlEqualTo("/v1/refunds/create")).withRequestBody(equalToJson("""
                {"transactionIdentifier": "%s", "refundType": 1,
                 "metadata": {"order": "A-17", "attempt": 2, "fee": 0.10, "auto": true, "tags": ["x", "y"],
                              "nested": {"k": "v"}}}""".formatted(TX))));
        assertTrue(sentBody().contains("\"fee\":0.10"), sentBody());
    }

    @Test
    void floatingPointMetadataIsRefusedBeforeAnyRequest() {
        RefundRequest request = RefundRequest.full(TX).metadata(Map.of("fee", 0.1d));
        assertThrows(IllegalArgumentException.class, () -> client.refunds().create(request));
        assertEquals(0, payop.getAllServeEvents().size());
    }

    @Test
    void theIdFallsBackToANonEmptyDataString() {
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse()
                .withBody("{\"data\": \" " + REFUND_ID + " \", \"status\": 1}")));

        assertEquals(REFUND_ID, client.refunds().create(RefundRequest.full(TX)));
    }

    @Test
    void noIdInHeaderOrBodyIsAResponseErrorAndIsNotRetried() {
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withBody(Docs.json("refund-create.json"))));

        PayopResponseException e = assertThrows(PayopResponseException.class,
                () -> client.refunds().create(RefundRequest.full(TX)));

        assertEquals(200, e.httpStatus());
        assertTrue(e.getMessage().contains("refund transaction " + TX), e.getMessage());
        assertTrue(e.getMessage().contains("without an id"), e.getMessage());
        assertTrue(e.getMessage().contains("check its result in the Payop dashboard before sending it again"),
                e.getMessage());
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create")));
    }

    @Test
    void refundBiggerThanTheTransactionIsAValidationError() {
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withStatus(422)
                .withBody(Docs.json("refund-too-big.json"))));

        PayopValidationException e = assertThrows(PayopValidationException.class,
                () -> client.refunds().create(RefundRequest.partial(TX, Amount.of("500"))));

        assertEquals(422, e.httpStatus());
        assertEquals("Refund amount is bigger than transaction amount", e.payopMessage());
        assertEquals(Map.of(), e.fieldErrors());
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create")));
    }

    @Test
    void getAsksForOneIdAndParsesTheDocsExample() {
        String id = "8888888-7725-56d5-b75d-1d54382d1e46";
        String url = "/v1/refunds/user-refunds?query%5Bidentifier%5D=" + id;
        payop.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withBody(Docs.json("refund-get.json"))));

        Refund refund = client.refunds().get(id).orElseThrow();

        payop.verify(1, getRequestedFor(urlEqualTo(url))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT)));
        assertEquals(id, refund.id());
        assertEquals(RefundStatus.ACCEPTED, refund.status());
        assertEquals(2, refund.statusCode());
        assertEquals("10", refund.amount());
        assertEquals("USD", refund.currency());
        assertEquals("999999-9d55-5fcc-aa56-35cc093e434e", refund.sourceTransactionId());
        assertEquals("440.65", refund.sourceAmount());
        assertEquals("USD", refund.sourceCurrency());
        assertEquals("example", refund.metadata().getString("internal merchant id"));
        assertEquals(JsonValue.TRUE, refund.metadata().get("isAutoRefund"));
        assertEquals(2, refund.metadata().size());
    }

    @Test
    void getIsEmptyWhenPayopKnowsNoSuchRefund() {
        payop.stubFor(get(urlEqualTo("/v1/refunds/user-refunds?query%5Bidentifier%5D=nope"))
                .willReturn(aResponse().withBody("{\"data\": [], \"status\": 1}")));

        assertEquals(Optional.empty(), client.refunds().get("nope"));
    }

    @Test
    void getNeverReturnsAnotherRefundThanTheOneAskedFor() {
        // If Payop ignored the filter and answered with other refunds, they must not be taken for this one.
        payop.stubFor(get(urlEqualTo("/v1/refunds/user-refunds?query%5Bidentifier%5D=wanted"))
                .willReturn(aResponse().withBody(Docs.json("refund-list.json"))));

        assertEquals(Optional.empty(), client.refunds().get("wanted"));
    }

    @Test
    void anEntryWithoutIdentifierIsNotTakenForTheRefundAskedFor() {
        // IPN confirmation relies on this: an anonymous entry must not confirm a refund id.
        payop.stubFor(get(urlEqualTo("/v1/refunds/user-refunds?query%5Bidentifier%5D=wanted"))
                .willReturn(aResponse().withBody("{\"data\":[{\"status\":2,\"amount\":10,\"currency\":\"USD\"}]}")));

        assertEquals(Optional.empty(), client.refunds().get("wanted"));
    }

    @Test
    void getEncodesTheIdInTheQuery() {
        String url = "/v1/refunds/user-refunds?query%5Bidentifier%5D=a%26query%5Bother%5D%3Dx";
        payop.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withBody("{\"data\": [], \"status\": 1}")));

        client.refunds().get("a&query[other]=x");

        payop.verify(1, getRequestedFor(urlEqualTo(url)));
    }

    @Test
    void listParsesTheDocsExample() {
        payop.stubFor(get(urlEqualTo("/v1/refunds/user-refunds")).willReturn(aResponse().withBody(Docs.json("refund-list.json"))));

        List<Refund> refunds = client.refunds().list();

        payop.verify(1, getRequestedFor(urlEqualTo("/v1/refunds/user-refunds"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT)));
        assertEquals(1, refunds.size());
        Refund refund = refunds.get(0);
        assertEquals("38c92c25-33fd-4979-ac50-f73d7dbbf660", refund.id());
        assertEquals(RefundStatus.NEW, refund.status());
        assertEquals(1, refund.statusCode());
        assertEquals("10", refund.amount());
        assertEquals("USD", refund.currency());
        assertEquals(TX, refund.sourceTransactionId());
        assertNull(refund.sourceAmount());
        assertNull(refund.sourceCurrency());
        assertEquals("example", refund.metadata().getString("internal merchant id"));
    }

    @Test
    void refundStatusesFollowTheDocs() {
        assertEquals(RefundStatus.NEW, RefundStatus.of(1));
        assertEquals(RefundStatus.ACCEPTED, RefundStatus.of(2));
        assertEquals(RefundStatus.REJECTED, RefundStatus.of(3));
        assertEquals(RefundStatus.REJECTED, RefundStatus.of(4));
        assertEquals(RefundStatus.UNKNOWN, RefundStatus.of(null));
    }
}
