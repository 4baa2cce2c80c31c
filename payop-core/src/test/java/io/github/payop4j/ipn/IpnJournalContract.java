package io.github.payop4j.ipn;

import static io.github.payop4j.ipn.IpnFixtures.apiTransaction;
import static io.github.payop4j.ipn.IpnFixtures.checkoutIpn;
import static io.github.payop4j.ipn.IpnFixtures.fromPayop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.ipn.IpnEvent.Anomaly;
import io.github.payop4j.ipn.IpnEvent.PaymentAccepted;
import io.github.payop4j.ipn.IpnEvent.PaymentFailed;
import io.github.payop4j.ipn.IpnJournal.ClaimStatus;
import io.github.payop4j.testing.AtOnce;
import io.github.payop4j.testing.PayopStub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every journal must guarantee, run against the in-memory one, H2 and PostgreSQL. The
 * Payop API is WireMock; each test uses its own transaction id, so one store serves a class.
 */
abstract class IpnJournalContract {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    /** The journal of "this node"; the same store for the whole class. */
    protected abstract IpnJournal journal();

    /** A second node's journal on the same store (a separate instance where the store allows). */
    protected abstract IpnJournal otherNode();

    protected PayopClient client;
    protected RecordingHandler handler;
    protected String tx;

    @BeforeEach
    void setUpClient() {
        client = ClientFixture.client(payop.baseUrl());
        handler = new RecordingHandler();
        tx = UUID.randomUUID().toString();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    protected IpnProcessor node(IpnJournal journal, IpnHandler h) {
        return IpnProcessor.builder(client).handler(h).journal(journal).build();
    }

    /** Each transaction pays its own order: a second transaction paying one order is a double payment. */
    protected String order() {
        return "order-" + tx;
    }

    protected IpnDelivery ipn(int state) {
        return fromPayop(checkoutIpn(tx, state, order(), state == 5 ? "Card declined" : "")
                .getBytes(StandardCharsets.UTF_8));
    }

    protected void apiSays(int state) {
        apiTransaction(payop, tx, state, order(), "10.00", "EUR", state == 5 ? "Card declined" : "");
    }

    static List<IpnResult> fire(int n, IntFunction<IpnResult> delivery) throws Exception {
        return AtOnce.run(n, delivery::apply);
    }

    /** Payop's behaviour: every delivery not answered 2xx comes again, until one is. */
    static void payopRetries(List<IpnResult> results, IntFunction<IpnResult> delivery) {
        for (int i = 0; i < results.size(); i++) {
            for (int round = 0; round < 20 && !results.get(i).outcome().acknowledged(); round++) {
                results.set(i, delivery.apply(i));
            }
        }
    }

    static long count(List<IpnResult> results, IpnOutcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    @Test
    void tenIdenticalIpnsFiredConcurrentlyApplyOnce() throws Exception {
        apiSays(2);
        handler.delayMillis = 150; // hold the claim while the others arrive
        IpnProcessor p = node(journal(), handler);
        IpnDelivery delivery = ipn(2);

        long started = System.nanoTime();
        List<IpnResult> results = fire(10, i -> p.process(delivery));
        System.out.printf("%s: 10 concurrent identical IPNs in %d ms: %s%n", getClass().getSimpleName(),
                (System.nanoTime() - started) / 1_000_000,
                results.stream().collect(Collectors.groupingBy(IpnResult::outcome, Collectors.counting())));

        assertEquals(1, handler.applied.size());
        assertEquals(1, count(results, IpnOutcome.PROCESSED));
        assertEquals(9, count(results, IpnOutcome.DUPLICATE), "the others waited for the first: no 503");
        List<IpnJournal.Entry> entries = journal().entries(IpnKind.CHECKOUT, tx);
        assertEquals(List.of(IpnOutcome.PROCESSED), entries.stream().map(IpnJournal.Entry::outcome).toList(),
                "duplicates are counted, not journaled");
        assertEquals(9, p.counts().get(IpnOutcome.DUPLICATE));

        payopRetries(results, i -> p.process(delivery));
        assertEquals(10, results.stream().filter(r -> r.httpStatus() == 200).count());
        assertEquals(1, handler.applied.size(), "retries are duplicates");
        assertEquals(List.of(new Claimed("ACCEPTED", ClaimStatus.APPLIED)), claims());
    }

    @Test
    void failedThenAcceptedAppliesBoth() {
        IpnProcessor p = node(journal(), handler);
        apiSays(5);
        IpnResult failed = p.process(ipn(5));
        apiSays(2);
        IpnResult accepted = p.process(ipn(2));

        assertInstanceOf(PaymentFailed.class, failed.event());
        assertInstanceOf(PaymentAccepted.class, accepted.event());
        assertEquals(2, handler.applied.size());
        assertEquals(List.of(new Claimed("ACCEPTED", ClaimStatus.APPLIED), new Claimed("FAILED", ClaimStatus.APPLIED)),
                claims());
    }

    @Test
    void acceptedThenFailedIsADowngradeAnomalyNotAFailure() {
        IpnProcessor p = node(journal(), handler);
        apiSays(2);
        p.process(ipn(2));
        apiSays(5); // even the API now says failed: the acceptance stands, a person must look
        IpnResult late = p.process(ipn(5));
        IpnResult again = p.process(ipn(5));

        assertEquals(IpnOutcome.ANOMALY, late.outcome());
        assertEquals(200, late.httpStatus());
        assertEquals(Anomaly.Type.DOWNGRADE, assertInstanceOf(Anomaly.class, late.event()).type());
        assertEquals(IpnOutcome.DUPLICATE, again.outcome());
        assertEquals(0, handler.count(PaymentFailed.class));
        assertEquals(1, handler.count(PaymentAccepted.class));
        assertEquals(1, handler.count(Anomaly.class));
    }

    @Test
    void aStaleFailedAfterAcceptedIsUnconfirmedNotAFailure() {
        IpnProcessor p = node(journal(), handler);
        apiSays(2);
        p.process(ipn(2));
        IpnResult late = p.process(ipn(5)); // the API still says accepted

        assertEquals(Anomaly.Type.UNCONFIRMED, assertInstanceOf(Anomaly.class, late.event()).type());
        assertEquals(0, handler.count(PaymentFailed.class));
    }

    @Test
    void aHandlerThatThrowsOnceIsAppliedExactlyOnceAfterPayopsRetry() {
        IpnProcessor p = node(journal(), handler);
        apiSays(2);
        handler.failNext.set(1);

        IpnResult first = p.process(ipn(2));
        assertEquals(IpnOutcome.RETRY_LATER, first.outcome());
        assertEquals(500, first.httpStatus());
        assertEquals(List.of(new Claimed("ACCEPTED", ClaimStatus.FAILED)), claims());

        IpnResult retry = p.process(ipn(2));
        IpnResult duplicate = p.process(ipn(2));

        assertEquals(IpnOutcome.PROCESSED, retry.outcome());
        assertEquals(IpnOutcome.DUPLICATE, duplicate.outcome());
        assertEquals(1, handler.applied.size());
        assertEquals(2, handler.calls.get());
        IpnJournal.Claim claim = journal().claims(IpnKind.CHECKOUT, tx).get(0);
        assertEquals(2, claim.attempts());
        assertEquals(retry.journalEntryId(), claim.entryId());
    }

    @Test
    void concurrentDuplicatesAcrossTwoNodesApplyOnce() throws Exception {
        apiSays(2);
        RecordingHandler other = new RecordingHandler();
        handler.delayMillis = 100;
        other.delayMillis = 100;
        IpnProcessor a = node(journal(), handler);
        IpnProcessor b = node(otherNode(), other);
        IpnDelivery delivery = ipn(2);
        IntFunction<IpnResult> roundRobin = i -> (i % 2 == 0 ? a : b).process(delivery);

        List<IpnResult> results = fire(10, roundRobin);
        payopRetries(results, roundRobin);

        assertEquals(1, handler.applied.size() + other.applied.size());
        assertEquals(1, count(results, IpnOutcome.PROCESSED));
        assertEquals(9, count(results, IpnOutcome.DUPLICATE));
    }

    @Test
    void aClaimAbandonedByACrashedNodeIsTakenOverAfterTheLease() {
        IpnJournal.Key key = new IpnJournal.Key(IpnKind.CHECKOUT, tx, "ACCEPTED");
        journal().claim(key, 424242, Instant.now().minus(Duration.ofMinutes(3)), IpnProcessor.DEFAULT_LEASE);
        apiSays(2);

        IpnResult result = node(journal(), handler).process(ipn(2));

        assertEquals(IpnOutcome.PROCESSED, result.outcome());
        assertEquals(2, journal().claims(IpnKind.CHECKOUT, tx).get(0).attempts());
    }

    @Test
    void aLiveClaimMakesOthersRetryLaterAndLosesNothing() {
        IpnJournal.Key key = new IpnJournal.Key(IpnKind.CHECKOUT, tx, "ACCEPTED");
        journal().claim(key, 424242, Instant.now(), IpnProcessor.DEFAULT_LEASE);
        apiSays(2);
        IpnProcessor p = IpnProcessor.builder(client).handler(handler).journal(journal())
                .duplicateWait(Duration.ofMillis(200)).build();

        IpnResult busy = p.process(ipn(2));
        assertEquals(IpnOutcome.RETRY_LATER, busy.outcome(), "the other node did not finish within the wait");
        assertEquals(503, busy.httpStatus());

        journal().markFailed(key, 424242, Instant.now()); // the other delivery's handler failed
        assertEquals(IpnOutcome.PROCESSED, p.process(ipn(2)).outcome());
        assertEquals(1, handler.applied.size());
    }

    @Test
    void anotherStateInProgressMakesTheNewStateWaitSoNoneOvertakes() {
        IpnJournal.Key failedKey = new IpnJournal.Key(IpnKind.CHECKOUT, tx, "FAILED");
        journal().claim(failedKey, 424242, Instant.now(), IpnProcessor.DEFAULT_LEASE);
        apiSays(2);
        IpnProcessor p = node(journal(), handler);

        IpnResult waiting = p.process(ipn(2));
        assertEquals(503, waiting.httpStatus());
        assertEquals(List.of(new Claimed("ACCEPTED", ClaimStatus.FAILED), new Claimed("FAILED", ClaimStatus.PROCESSING)),
                claims(), "the accepted claim was released for the retry");

        journal().markApplied(failedKey, 424242, Instant.now());
        assertInstanceOf(PaymentAccepted.class, p.process(ipn(2)).event(), "failed, then accepted");
    }

    protected record Claimed(String stateKey, ClaimStatus status) {
    }

    protected List<Claimed> claims() {
        return journal().claims(IpnKind.CHECKOUT, tx).stream().map(c -> new Claimed(c.stateKey(), c.status()))
                .sorted(java.util.Comparator.comparing(Claimed::stateKey)).toList();
    }
}
