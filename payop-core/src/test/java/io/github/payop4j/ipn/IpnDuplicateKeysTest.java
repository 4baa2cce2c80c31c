package io.github.payop4j.ipn;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.github.payop4j.ipn.IpnFixtures.DOC_TX;
import static io.github.payop4j.ipn.IpnFixtures.apiTransaction;
import static io.github.payop4j.ipn.IpnFixtures.fromPayop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.testing.PayopStub;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Payop does not sign IPNs, and PHP's json_encode never writes a key twice. A body that does can
 * be read two ways (the first value by one parser, a proxy or a log, the last by another), so it
 * is refused as malformed, at any depth, before anything is journaled or asked of the API.
 */
class IpnDuplicateKeysTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private PayopClient client;
    private RecordingHandler handler;
    private IpnJournal journal;
    private IpnProcessor processor;

    @BeforeEach
    void setUp() {
        client = ClientFixture.client(payop.baseUrl());
        handler = new RecordingHandler();
        journal = IpnJournal.inMemory();
        processor = IpnProcessor.builder(client).handler(handler).journal(journal).build();
        apiTransaction(payop, DOC_TX, 2, "order-1", "3", "USD", "");
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "state twice|{\"invoice\": {\"id\": \"inv-1\"}, \"transaction\": {\"id\": \"TX\", \"state\": 5, \"state\": 2,"
            + " \"order\": {\"id\": \"order-1\"}}}",
        "id twice|{\"transaction\": {\"id\": \"other\", \"id\": \"TX\", \"state\": 2, \"order\": {\"id\": \"order-1\"}}}",
        "transaction twice|{\"transaction\": {\"id\": \"other\", \"state\": 5}, \"transaction\": {\"id\": \"TX\","
            + " \"state\": 2, \"order\": {\"id\": \"order-1\"}}}",
        "escaped twin|{\"transaction\": {\"id\": \"TX\", \"state\": 5, \"st\\u0061te\": 2, \"order\": {\"id\": \"order-1\"}}}",
        "order id twice|{\"transaction\": {\"id\": \"TX\", \"state\": 2, \"order\": {\"id\": \"order-2\", \"id\": \"order-1\"}}}",
        "deep in metadata|{\"transaction\": {\"id\": \"TX\", \"state\": 2, \"order\": {\"id\": \"order-1\"},"
            + " \"metadata\": {\"list\": [{\"k\": 1, \"k\": 2}]}}}"})
    void aBodyWithADuplicateKeyIsMalformedAndNothingIsJournaledOrAsked(String testCase) {
        String body = testCase.substring(testCase.indexOf('|') + 1).replace("TX", DOC_TX);

        IpnResult result = processor.process(fromPayop(body));

        assertEquals(IpnOutcome.MALFORMED, result.outcome(), body);
        assertEquals(400, result.httpStatus());
        assertEquals(0, result.journalEntryId());
        assertNull(result.event());
        assertEquals(List.of(), journal.entries(IpnKind.CHECKOUT, DOC_TX), "nothing journaled");
        assertTrue(journal.entry(1).isEmpty(), "nothing journaled");
        assertTrue(handler.applied.isEmpty());
        assertEquals(0, handler.calls.get());
        payop.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theSameBodyWithEachKeyOnceIsAPayment() {
        String body = "{\"transaction\": {\"id\": \"" + DOC_TX + "\", \"state\": 2, \"order\": {\"id\": \"order-1\"},"
                + " \"metadata\": {\"list\": [{\"k\": 1}, {\"k\": 2}], \"k\": 3}}, \"k\": 4}";

        IpnResult result = processor.process(fromPayop(body));

        assertEquals(IpnOutcome.PROCESSED, result.outcome(), "the same key in different objects is no duplicate");
        assertEquals(1, handler.count(IpnEvent.PaymentAccepted.class));
    }
}
