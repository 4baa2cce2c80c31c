package io.github.payop4j.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.ipn.IpnKind;
import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.testkit.SentIpn;
import java.time.Duration;
import java.util.List;

/**
 * The IPNs the Payop emulator sent to the shop and what the shop answered: Payop's side of the
 * story, next to the shop's state the tests read from the shop itself.
 */
public final class IpnDeliveries {

    private final PayopEmulator payop;
    private final int repeats;
    private final String source;
    private final Duration wait;

    /**
     * @param repeats the emulator's {@code ipnRepeats}
     * @param source the emulator's {@code ipnSourceAddress}
     * @param wait how long Payop may take to be done with its deliveries
     */
    public IpnDeliveries(PayopEmulator payop, int repeats, String source, Duration wait) {
        this.payop = payop;
        this.repeats = repeats;
        this.source = source;
        this.wait = wait;
    }

    /** Every delivery attempt about this object, once Payop has nothing left to send; oldest first. */
    public List<SentIpn> of(String objectId) {
        payop.awaitIpnsSettled(wait);
        return payop.sentIpns().stream().filter(s -> s.objectId().equals(objectId)).toList();
    }

    /**
     * Payop delivered this state of the object, from its address, until the shop acknowledged it,
     * then {@code repeats - 1} more times; the shop answered "ok" once and "duplicate" to every
     * repeat. Returns every delivery of the object.
     */
    public List<SentIpn> assertAppliedOnce(String objectId, IpnKind kind, int state) {
        List<SentIpn> sent = of(objectId);
        List<SentIpn> acknowledged = sent.stream().filter(s -> s.state() == state && s.acknowledged()).toList();
        assertEquals(repeats, acknowledged.size(), () -> describe(sent));
        assertFalse(acknowledged.get(0).repeat(), () -> describe(sent));
        assertEquals("ok", acknowledged.get(0).response(), () -> describe(sent));
        for (SentIpn repeat : acknowledged.subList(1, repeats)) {
            assertTrue(repeat.repeat(), () -> describe(sent));
            assertEquals("duplicate", repeat.response(), () -> describe(sent));
        }
        assertTrue(sent.stream().allMatch(s -> s.kind() == kind && s.source().equals(source)), () -> describe(sent));
        return sent;
    }

    /** One line per delivery: kind, object, state, attempt, source, the shop's answer. */
    public static String describe(List<SentIpn> sent) {
        StringBuilder b = new StringBuilder();
        for (SentIpn s : sent) {
            b.append('\n').append(s.kind()).append(' ').append(s.objectId()).append(" state ").append(s.state())
                    .append(" #").append(s.attempt()).append(s.repeat() ? " repeat" : "").append(" from ")
                    .append(s.source()).append(" -> ").append(s.status()).append(' ')
                    .append(s.error() != null ? s.error() : s.response());
        }
        return b.toString();
    }
}
