package io.github.payop4j.ipn;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one delivery.
 *
 * @param outcome what happened
 * @param httpStatus the status to answer Payop with (2xx stops Payop's retries)
 * @param kind the IPN kind, {@code null} if the body was not read
 * @param objectId the transaction, refund or withdrawal id, {@code null} if unknown
 * @param journalEntryId the journal entry of this delivery, 0 if it was not journaled
 *     (forbidden, too large, malformed, a duplicate, or the journal failed)
 * @param event the event handed to the handlers, {@code null} when none was
 * @param reason a short explanation for logs and tests; never send it to the client
 */
public record IpnResult(IpnOutcome outcome, int httpStatus, IpnKind kind, String objectId, long journalEntryId,
        IpnEvent event, String reason) {

    public IpnResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    public Optional<IpnEvent> dispatched() {
        return Optional.ofNullable(event);
    }

    /** The plain-text response body: one short word, no detail. */
    public String responseText() {
        return outcome.responseText();
    }
}
