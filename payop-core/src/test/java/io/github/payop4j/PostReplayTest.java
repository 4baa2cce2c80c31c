package io.github.payop4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.payop4j.checkout.Card;
import io.github.payop4j.checkout.CheckoutRequest;
import io.github.payop4j.checkout.Customer;
import io.github.payop4j.error.PayopConnectionException;
import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.testing.RawHttpServer;
import io.github.payop4j.testing.RawHttpServer.Action;
import io.github.payop4j.testing.RawHttpServer.Request;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may send a POST twice when the connection drops after Payop read it, proven on a raw
 * socket server that reads each request in full and then hangs up. Money POSTs reach the server
 * exactly once, on a fresh and on a kept-alive connection. POSTs whose repeat leaves only an
 * orphan are sent buffered: HttpURLConnection (Jersey) re-sends them once, byte for byte, and
 * nothing else does. Runs on Jersey and, in the {@code no-replay-on-resteasy} execution, on RESTEasy.
 */
class PostReplayTest {

    private static final String TX_BODY = "{\"data\":{\"identifier\":\"tx-1\",\"state\":2,\"amount\":\"10.00\",\"currency\":\"EUR\"}}";
    private static final CheckoutRequest CHECKOUT = CheckoutRequest.of("inv-1", Customer.of("a@b.example", "A B"),
            "https://shop.example/s");
    private static final Card CARD = new Card("4111 1111 1111 1111", "12/28", "123", "A B");

    private final List<Duration> sleeps = ClientFixture.newSleepLog();

    static Stream<Arguments> moneyPosts() {
        return Stream.of(
                Arguments.of("/v1/checkout/create", (Consumer<PayopClient>) c -> c.checkout().createTransaction(CHECKOUT)),
                Arguments.of("/v1/refunds/create", (Consumer<PayopClient>) c -> c.refunds().create(RefundRequest.full("tx-1"))),
                Arguments.of("/v1/checkout/void", (Consumer<PayopClient>) c -> c.checkout().voidTransaction("inv-1")));
    }

    static Stream<Arguments> orphanPosts() {
        return Stream.of(
                Arguments.of("/v1/invoices/create", (Consumer<PayopClient>) c -> c.invoices().create(invoice())),
                Arguments.of("/v1/payment-tools/card-token/create",
                        (Consumer<PayopClient>) c -> c.checkout().createCardToken("inv-1", CARD)));
    }

    @ParameterizedTest
    @MethodSource("moneyPosts")
    void aMoneyPostReachesPayopOnceWhenTheConnectionDropsAfterIt(String path, Consumer<PayopClient> call) throws IOException {
        try (RawHttpServer payop = new RawHttpServer(r -> r.method().equals("GET") ? Action.ok(TX_BODY) : Action.DROP);
                PayopClient client = client(payop)) {
            // On a fresh connection.
            PayopConnectionException first = assertThrows(PayopConnectionException.class, () -> call.accept(client));
            assertTrue(first.requestMayHaveReachedPayop(), first.getMessage());
            assertEquals(1, payop.requests(path).size(), "the JDK or the client re-sent " + path);

            // On a kept-alive connection, the case where HttpURLConnection would replay a buffered body.
            client.transactions().get("tx-1");
            PayopConnectionException second = assertThrows(PayopConnectionException.class, () -> call.accept(client));
            assertTrue(second.requestMayHaveReachedPayop(), second.getMessage());
            assertEquals(2, payop.requests(path).size(), "one request per call, never a replay");
        }
        assertTrue(sleeps.isEmpty(), "the client never retries a POST: " + sleeps);
    }

    @ParameterizedTest
    @MethodSource("moneyPosts")
    void aMoneyPostOnAConnectionThePeerClosedWhileIdleIsSentOnceAndSucceeds(String path, Consumer<PayopClient> call)
            throws IOException {
        // HttpURLConnection probes a pooled connection before a streamed POST and opens a new one if
        // the peer closed it. RESTEasy's Apache client checks only after 2 s idle: there the POST
        // fails as "may have reached Payop" instead (safe, but not what this test shows).
        assumeTrue(onJersey(), "Jersey's default connector only");
        try (RawHttpServer payop = new RawHttpServer(r -> r.method().equals("GET") ? Action.ok(TX_BODY)
                : Action.created("id-1", "{\"data\":{\"isSuccess\":true,\"txid\":\"tx-9\"},\"status\":1}"));
                PayopClient client = client(payop)) {
            client.transactions().get("tx-1");
            payop.closeIdleConnections();
            call.accept(client);
            assertEquals(1, payop.requests(path).size());
        }
    }

    @ParameterizedTest
    @MethodSource("orphanPosts")
    void anOrphanPostIsResentAtMostOnceByTheHttpStackByteForByteAndNeverByTheClient(String path,
            Consumer<PayopClient> call) throws IOException {
        AtomicInteger seen = new AtomicInteger();
        try (RawHttpServer payop = new RawHttpServer(r -> answerAfterFirst(r, seen));
                PayopClient client = client(payop)) {
            boolean succeeded;
            try {
                call.accept(client);
                succeeded = true;
            } catch (PayopConnectionException e) {
                assertTrue(e.requestMayHaveReachedPayop(), e.getMessage());
                succeeded = false;
            }
            List<Request> sent = payop.requests(path);
            if (onJersey()) {
                // The documented replay: HttpURLConnection re-sends a buffered POST once.
                assertEquals(2, sent.size());
                assertTrue(succeeded, "the re-sent request was answered");
            } else {
                assertEquals(1, sent.size());
                assertTrue(!succeeded, "nothing re-sent it, so the call failed");
            }
            for (Request r : sent) {
                assertArrayEquals(sent.get(0).body(), r.body(), "a repeat is the same request");
                assertTrue(!r.chunked(), "sent buffered");
            }
        }
        assertTrue(sleeps.isEmpty(), "the client never retries a POST: " + sleeps);
    }

    @ParameterizedTest
    @MethodSource("orphanPosts")
    void anOrphanPostThatKeepsFailingIsSentAtMostTwice(String path, Consumer<PayopClient> call) throws IOException {
        try (RawHttpServer payop = new RawHttpServer(r -> Action.DROP); PayopClient client = client(payop)) {
            PayopConnectionException e = assertThrows(PayopConnectionException.class, () -> call.accept(client));
            assertTrue(e.requestMayHaveReachedPayop(), e.getMessage());
            // Jersey's HttpURLConnection re-sends a buffered POST once; RESTEasy never does.
            assertEquals(onJersey() ? 2 : 1, payop.requests(path).size(), "at most the JDK's one repeat");
        }
        assertTrue(sleeps.isEmpty(), "the client never retries a POST: " + sleeps);
    }

    private static Action answerAfterFirst(Request r, AtomicInteger seen) {
        if (seen.getAndIncrement() == 0) {
            return Action.DROP;
        }
        return r.path().startsWith("/v1/invoices")
                ? Action.created("inv-2", "{\"data\":\"inv-2\",\"status\":1}")
                : Action.ok("{\"data\":{\"token\":\"tok-2\",\"expired_at\":1893456000},\"status\":1}");
    }

    private PayopClient client(RawHttpServer payop) {
        return ClientFixture.recordingSleeps(ClientFixture.builder(payop.baseUrl()), sleeps)
                .readTimeout(Duration.ofSeconds(10)).build();
    }

    static boolean onJersey() {
        return ClientBuilder.newBuilder().getClass().getName().startsWith("org.glassfish.jersey");
    }

    private static InvoiceRequest invoice() {
        return InvoiceRequest.builder().orderId("o-1").amount("10.00").currency("EUR")
                .payer(Payer.withEmail("a@b.example")).build();
    }
}
