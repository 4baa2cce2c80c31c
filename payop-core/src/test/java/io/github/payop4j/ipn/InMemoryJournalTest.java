package io.github.payop4j.ipn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.internal.ipn.journal.InMemoryJournal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The journal contract on {@link IpnJournal#inMemory()}; "two nodes" share the one instance. Plus its bounds. */
class InMemoryJournalTest extends ConcurrentDeliveriesContract {

    private static final IpnJournal JOURNAL = IpnJournal.inMemory();

    @Override
    protected IpnJournal journal() {
        return JOURNAL;
    }

    @Override
    protected IpnJournal otherNode() {
        return JOURNAL;
    }

    private static IpnJournal.Key key(String object) {
        return new IpnJournal.Key(IpnKind.CHECKOUT, object, "ACCEPTED");
    }

    @Test
    void pastTheCapTheLeastRecentlyCreatedObjectsAreForgotten() {
        InMemoryJournal small = new InMemoryJournal(3, 5);
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        for (int i = 1; i <= 5; i++) {
            small.claim(key("tx-" + i), i, now, IpnProcessor.DEFAULT_LEASE);
            small.markApplied(key("tx-" + i), i, now);
        }
        assertEquals(3, small.objectCount());
        assertTrue(small.find(key("tx-1")).isEmpty(), "the oldest went first");
        assertEquals(IpnJournal.ClaimStatus.APPLIED, small.find(key("tx-5")).orElseThrow().status());
    }

    @Test
    void aClaimIsKeptForPayopsDayOfRepeatsAndForgottenAfterTheRetentionWindow() {
        InMemoryJournal journal = new InMemoryJournal(1000, 5);
        Instant start = Instant.parse("2026-11-30T10:00:00Z");
        journal.claim(key("old"), 1, start, IpnProcessor.DEFAULT_LEASE);
        journal.markApplied(key("old"), 1, start);

        journal.claim(key("a day later"), 2, start.plus(Duration.ofHours(24)), IpnProcessor.DEFAULT_LEASE);
        assertTrue(journal.find(key("old")).isPresent(), "Payop repeats for 24 hours: still a duplicate");
        journal.claim(key("47 hours later"), 3, start.plus(Duration.ofHours(47)), IpnProcessor.DEFAULT_LEASE);
        assertTrue(journal.find(key("old")).isPresent(), "kept as long as purge() keeps claims at least");

        journal.claim(key("49 hours later"), 4, start.plus(Duration.ofHours(49)), IpnProcessor.DEFAULT_LEASE);
        assertTrue(journal.find(key("old")).isEmpty(), "forgotten after 48 hours");
        assertEquals(3, journal.objectCount());
    }

    @Test
    void onlyTheNewestEntriesAreKept() {
        InMemoryJournal journal = new InMemoryJournal(1000, 5);
        for (int i = 0; i < 7; i++) {
            long id = journal.newEntryId();
            journal.record(new IpnJournal.Entry(id, Instant.now(), "18.199.249.46", IpnKind.CHECKOUT, "tx", null, null,
                    IpnState.ACCEPTED, 2, "{}", IpnOutcome.PROCESSED, "applied ACCEPTED"));
        }
        assertEquals(5, journal.entries(IpnKind.CHECKOUT, "tx").size());
        assertTrue(journal.entry(1).isEmpty());
        assertTrue(journal.entry(7).isPresent());
    }
}
