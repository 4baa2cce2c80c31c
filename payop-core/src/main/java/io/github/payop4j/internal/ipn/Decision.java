package io.github.payop4j.internal.ipn;

import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnOutcome;

/**
 * What the pipeline decided for one delivery.
 *
 * @param appliedKey the key this decision found or left APPLIED and committed, else {@code null}
 * @param recorded whether the delivery's entry was already written (with the "applied" mark)
 * @param busy the claim is held by a live delivery elsewhere; not an answer yet
 */
record Decision(IpnOutcome outcome, int status, IpnEvent event, String reason, IpnJournal.Key appliedKey,
        boolean recorded, boolean busy) {

    static Decision retry(int status, String reason) {
        return new Decision(IpnOutcome.RETRY_LATER, status, null, reason, null, false, false);
    }

    static Decision duplicate(IpnJournal.Key key, String reason) {
        return new Decision(IpnOutcome.DUPLICATE, 200, null, reason, key, false, false);
    }

    static Decision busy(String reason) {
        return new Decision(IpnOutcome.RETRY_LATER, 503, null, reason, null, false, true);
    }

    static Decision applied(IpnOutcome outcome, IpnEvent event, String reason, IpnJournal.Key key) {
        return new Decision(outcome, 200, event, reason, key, true, false);
    }
}
