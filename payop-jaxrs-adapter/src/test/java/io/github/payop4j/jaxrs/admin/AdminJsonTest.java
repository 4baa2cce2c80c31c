package io.github.payop4j.jaxrs.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.ipn.IpnOutcome;
import io.github.payop4j.ipn.IpnState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A delivery as the admin endpoints list it: with the status of the claim of the state it notified. */
class AdminJsonTest {

    private static IpnJournal.Entry delivery(long id, IpnState state, int code) {
        return new IpnJournal.Entry(id, Instant.EPOCH, "127.0.0.1", IpnKind.CHECKOUT, "tx-1", "inv-1", "order-1",
                state, code, "{}", IpnOutcome.PROCESSED, "applied");
    }

    @Test
    void aDeliveryShowsItsClaimForEveryKindOfState() {
        IpnJournal journal = IpnJournal.inMemory();
        Instant now = Instant.now();
        // Each claim in a status of its own, so that a delivery shown with another state's claim is seen.
        for (String stateKey : new String[] {"ACCEPTED", "FAILED", "UNKNOWN_7"}) {
            journal.claim(new IpnJournal.Key(IpnKind.CHECKOUT, "tx-1", stateKey), 1, now, Duration.ofMinutes(2));
        }
        journal.markApplied(new IpnJournal.Key(IpnKind.CHECKOUT, "tx-1", "ACCEPTED"), 1, now);
        journal.markFailed(new IpnJournal.Key(IpnKind.CHECKOUT, "tx-1", "UNKNOWN_7"), 1, now);
        AdminJson json = new AdminJson();
        assertEquals("APPLIED", json.entry(delivery(1, IpnState.ACCEPTED, 2), journal, false).getString("claim"));
        // Every failure state is one claim, FAILED.
        assertEquals("PROCESSING", json.entry(delivery(2, IpnState.FAILED, 5), journal, false).getString("claim"));
        // An undocumented state is claimed per code: it showed no claim when the key was the state's name.
        assertEquals("FAILED", json.entry(delivery(3, IpnState.UNKNOWN, 7), journal, false).getString("claim"));
    }
}
