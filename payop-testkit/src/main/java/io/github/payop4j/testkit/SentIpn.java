package io.github.payop4j.testkit;

import io.github.payop4j.ipn.IpnKind;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One IPN delivery attempt the emulator made, and what the shop answered.
 *
 * @param kind checkout, refund or withdrawal
 * @param objectId the transaction, refund or withdrawal id
 * @param state the state code the body carries
 * @param attempt 1 for the first try of this notification, 2 for the first retry, ...
 * @param repeat true for a deliberate duplicate sent after a 200 ({@code ipnRepeats})
 * @param body the JSON body exactly as sent
 * @param source the local address the connection came from (what the shop sees as the peer)
 * @param target the IPN URL
 * @param status the HTTP status the shop answered, or -1 when there was no answer
 * @param response the start of the shop's answer body (at most 2 KiB), empty when none
 * @param error why no answer arrived (connection refused, timeout), or null
 * @param sentAt when the attempt started
 */
public record SentIpn(IpnKind kind, String objectId, int state, int attempt, boolean repeat, String body,
        String source, URI target, int status, String response, String error, Instant sentAt) {

    public SentIpn {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(body, "body");
        response = response == null ? "" : response;
    }

    /** Whether the shop acknowledged this attempt with a 200 (Payop stops retrying only then). */
    public boolean acknowledged() {
        return status == 200;
    }
}
