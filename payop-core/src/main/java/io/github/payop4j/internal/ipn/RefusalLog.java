package io.github.payop4j.internal.ipn;

import static java.lang.System.Logger.Level.WARNING;

import io.github.payop4j.ipn.IpnDelivery;
import io.github.payop4j.ipn.IpnSourcePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The log lines of refused IPN sources (403). The first refusal of an address says how to allow
 * a genuine sender; an IPN URL reachable from the internet is also scanned, so per window each
 * address is logged once, for at most {@link #ADDRESSES_PER_WINDOW} addresses, and everything
 * else is counted and summarised ({@code PAYOP-IPN-013}) with the first refusal after the window.
 * Every refusal is still counted in {@code IpnProcessor.counts()}.
 *
 * <p>One per pipeline, so per deployment: no state is shared between applications in one JVM.
 */
final class RefusalLog {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int ADDRESSES_PER_WINDOW = 20;
    /** Addresses remembered for the summary's count; past this the count says "at least". */
    private static final int COUNTED_ADDRESSES = 1000;

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.ipn");

    private final IpnSourcePolicy sources;
    private final Clock clock;
    private final Set<String> logged = new HashSet<>();
    private final Set<String> unlogged = new HashSet<>();
    private Instant windowEnd;
    private long suppressed;

    RefusalLog(IpnSourcePolicy sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    /** Logs (or counts) the refusal of {@code d}, whose resolved client address is {@code source}. */
    void refused(String source, IpnDelivery d) {
        String key = source == null ? "?" + d.peerAddress() : source;
        String summary = null;
        boolean log;
        synchronized (this) {
            Instant now = clock.instant();
            if (windowEnd == null || !now.isBefore(windowEnd)) {
                if (suppressed > 0) {
                    summary = summary(suppressed, unlogged.size());
                }
                windowEnd = now.plus(WINDOW);
                logged.clear();
                unlogged.clear();
                suppressed = 0;
            }
            log = !logged.contains(key) && logged.size() < ADDRESSES_PER_WINDOW;
            if (log) {
                logged.add(key);
            } else {
                suppressed++;
                if (!logged.contains(key) && unlogged.size() < COUNTED_ADDRESSES) {
                    unlogged.add(key);
                }
            }
        }
        if (summary != null) {
            String text = summary;
            LOG.log(WARNING, () -> text);
        }
        if (log) {
            LOG.log(WARNING, () -> line(source, d));
        }
    }

    private static String summary(long refusals, int addresses) {
        return "PAYOP-IPN-013 " + refusals + " further refusals of IPN senders (403) in the last "
                + WINDOW.toMinutes() + " minutes were counted, not logged, from " + addresses
                + (addresses >= COUNTED_ADDRESSES ? " or more" : "") + " addresses not logged before: each"
                + " address's first refusal per " + WINDOW.toMinutes() + " minutes is logged as PAYOP-IPN-002, for at"
                + " most " + ADDRESSES_PER_WINDOW + " addresses.";
    }

    private String line(String source, IpnDelivery d) {
        String peer = d.peerAddress();
        boolean forwardingHeaders = !d.xForwardedFor().isEmpty() || !d.forwarded().isEmpty();
        StringBuilder b = new StringBuilder("PAYOP-IPN-002 IPN refused (403): ");
        if (source == null) {
            b.append("the sender's address cannot be determined (peer ").append(peer)
                    .append(": its address or its forwarding headers are unreadable or contradict each other).");
        } else {
            b.append("source ").append(source).append(" is not an allowed IPN sender (peer ").append(peer).append(")");
            if (forwardingHeaders && !sources.isTrustedProxy(peer)) {
                b.append("; the peer sent X-Forwarded-For/Forwarded, which is ignored because ").append(peer)
                        .append(" is not in payop.ipn.trusted-proxies");
            }
            b.append(". If Payop sends from there, add it to payop.ipn.allowed-ips; if ").append(peer)
                    .append(" is your reverse proxy or load balancer, add it to payop.ipn.trusted-proxies so that its"
                            + " X-Forwarded-For is believed (in code: IpnSourcePolicy.builder().allow(..)"
                            + ".trustProxies(..)).");
        }
        b.append(" Payop's documented addresses, the default of payop.ipn.allowed-ips (see the README's configuration"
                + " table): ").append(String.join(", ", IpnSourcePolicy.PAYOP_ADDRESSES))
                .append(". Further refusals of this address are counted, not logged, for ").append(WINDOW.toMinutes())
                .append(" minutes.");
        return b.toString();
    }
}
