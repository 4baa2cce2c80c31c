package io.github.payop4j.ipn;

import io.github.payop4j.internal.ipn.net.Cidr;
import io.github.payop4j.internal.ipn.net.ClientAddress;
import io.github.payop4j.internal.ipn.net.IpLiteral;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Where IPNs may come from. Payop does not sign IPNs; its documented source addresses are the
 * first line of defence (confirmation with the API is the second).
 *
 * <p>The client address is the socket peer, unless the peer is a configured trusted proxy:
 * then {@code X-Forwarded-For} / {@code Forwarded for=} are walked from the right, skipping
 * trusted proxies, and the first other hop is the client. From any other peer those headers
 * are ignored, since anyone can send them. Immutable and thread-safe.
 */
public final class IpnSourcePolicy {

    /** The addresses Payop sends IPNs from, as its documentation lists them. */
    public static final List<String> PAYOP_ADDRESSES =
            List.of("18.199.249.46", "35.158.36.143", "3.125.109.58", "3.127.103.117");

    private static final IpnSourcePolicy PAYOP = builder().allow(PAYOP_ADDRESSES).build();

    private final List<String> allowed;
    private final List<String> trustedProxies;
    private final List<Cidr> allowedRanges;
    private final List<Cidr> proxyRanges;
    private final ClientAddress resolver;

    private IpnSourcePolicy(Builder b) {
        this.allowed = List.copyOf(b.allowed);
        this.trustedProxies = List.copyOf(b.proxies);
        this.allowedRanges = allowed.stream().map(Cidr::parse).toList();
        this.proxyRanges = trustedProxies.stream().map(Cidr::parse).toList();
        this.resolver = new ClientAddress(proxyRanges);
    }

    /** Payop's four documented addresses, no proxies. */
    public static IpnSourcePolicy payopDefaults() {
        return PAYOP;
    }

    /** An empty policy to fill in; at least one allowed address or range is required. */
    public static Builder builder() {
        return new Builder();
    }

    public List<String> allowed() {
        return allowed;
    }

    public List<String> trustedProxies() {
        return trustedProxies;
    }

    /**
     * The client's address in canonical form, or {@code null} if it cannot be determined (an
     * unreadable peer or hop, or forwarding headers that contradict each other).
     */
    public String clientAddress(String peerAddress, List<String> xForwardedFor, List<String> forwarded) {
        InetAddress a = resolver.resolve(peerAddress, nullToEmpty(xForwardedFor), nullToEmpty(forwarded));
        return a == null ? null : a.getHostAddress();
    }

    /** Whether the address (a literal, never a host name) is in an allowed range. */
    public boolean allows(String address) {
        return inAny(allowedRanges, address);
    }

    /** Whether the address is a trusted proxy, whose forwarding headers are believed. */
    public boolean isTrustedProxy(String address) {
        return inAny(proxyRanges, address);
    }

    private static boolean inAny(List<Cidr> ranges, String address) {
        InetAddress a = IpLiteral.parse(address);
        if (a == null) {
            return false;
        }
        for (Cidr c : ranges) {
            if (c.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> nullToEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    @Override
    public String toString() {
        return "IpnSourcePolicy[allowed=" + allowed + ", trustedProxies=" + trustedProxies + "]";
    }

    public static final class Builder {
        private final List<String> allowed = new ArrayList<>();
        private final List<String> proxies = new ArrayList<>();

        private Builder() {
        }

        /** Allows addresses or CIDR ranges (IPv4 or IPv6). */
        public Builder allow(String... ranges) {
            return allow(List.of(ranges));
        }

        public Builder allow(Collection<String> ranges) {
            for (String r : ranges) {
                Cidr.parse(Objects.requireNonNull(r, "range")); // fail at configuration time
                allowed.add(r.trim());
            }
            return this;
        }

        /** Adds Payop's documented addresses. */
        public Builder allowPayop() {
            return allow(PAYOP_ADDRESSES);
        }

        /** Proxies of the shop's own (load balancer, reverse proxy) whose forwarding headers are believed. */
        public Builder trustProxies(String... ranges) {
            return trustProxies(List.of(ranges));
        }

        public Builder trustProxies(Collection<String> ranges) {
            for (String r : ranges) {
                Cidr.parse(Objects.requireNonNull(r, "range"));
                proxies.add(r.trim());
            }
            return this;
        }

        public IpnSourcePolicy build() {
            if (allowed.isEmpty()) {
                throw new IllegalStateException("No allowed IPN source: add Payop's addresses (allowPayop())"
                        + " or your own ranges");
            }
            return new IpnSourcePolicy(this);
        }
    }
}
