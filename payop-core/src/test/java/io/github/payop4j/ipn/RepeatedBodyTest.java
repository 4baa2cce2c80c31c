package io.github.payop4j.ipn;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.payop4j.ipn.IpnFixtures.DOC_TX;
import static io.github.payop4j.ipn.IpnFixtures.apiTransaction;
import static io.github.payop4j.ipn.IpnFixtures.checkoutIpn;
import static io.github.payop4j.ipn.IpnFixtures.fromPayop;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.testing.PayopStub;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A retry of the same notification normally carries the same bytes, and the processor answers
 * such a repeat of an applied state without parsing it again. Nothing else may change: the source is still checked,
 * a repeat of a state that was not applied still goes the whole way, and a body that differs in a
 * single byte is still recognised by its state.
 */
class RepeatedBodyTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private PayopClient client;
    private RecordingHandler shop;
    private IpnProcessor processor;
    private byte[] body;

    @BeforeEach
    void setUp() {
        client = ClientFixture.client(payop.baseUrl());
        shop = new RecordingHandler();
        processor = IpnProcessor.builder(client).handler(shop).journal(IpnJournal.inMemory()).build();
        apiTransaction(payop, DOC_TX, 2, "order-1", "3", "USD", "");
        body = checkoutIpn(DOC_TX, 2, "order-1", "").getBytes(StandardCharsets.UTF_8);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void byteIdenticalRepeatsOfAnAppliedStateAreDuplicatesAndTheShopSeesOneEvent() {
        assertEquals(IpnOutcome.PROCESSED, processor.process(fromPayop(body)).outcome());
        for (int i = 0; i < 50; i++) {
            IpnResult repeat = processor.process(fromPayop(body));
            assertEquals(IpnOutcome.DUPLICATE, repeat.outcome());
            assertEquals(200, repeat.httpStatus());
            assertEquals(DOC_TX, repeat.objectId());
        }
        assertEquals(1, shop.calls.get());
        assertEquals(50L, processor.counts().get(IpnOutcome.DUPLICATE));
        payop.verify(1, getRequestedFor(urlEqualTo("/v2/transactions/" + DOC_TX)));
    }

    @Test
    void aRepeatFromAnAddressPayopDoesNotUseIsStillRefused() {
        assertEquals(IpnOutcome.PROCESSED, processor.process(fromPayop(body)).outcome());
        IpnResult spoofed = processor.process(new IpnDelivery(body, "203.0.113.9", List.of(), List.of(),
                java.time.Instant.now()));
        assertEquals(IpnOutcome.FORBIDDEN_SOURCE, spoofed.outcome());
    }

    @Test
    void aRepeatOfAStateTheShopFailedToApplyIsAppliedWhenItComesAgain() {
        shop.failNext.set(1);
        assertEquals(IpnOutcome.RETRY_LATER, processor.process(fromPayop(body)).outcome());
        assertEquals(IpnOutcome.PROCESSED, processor.process(fromPayop(body)).outcome());
        assertEquals(IpnOutcome.DUPLICATE, processor.process(fromPayop(body)).outcome());
        assertEquals(1, shop.applied.size());
    }

    @Test
    void aBodyThatDiffersInOneByteIsStillTheSameStateAndADuplicate() {
        assertEquals(IpnOutcome.PROCESSED, processor.process(fromPayop(body)).outcome());
        byte[] reformatted = (new String(body, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(IpnOutcome.DUPLICATE, processor.process(fromPayop(reformatted)).outcome());
        assertEquals(1, shop.calls.get());
    }
}
