package io.github.payop4j.jaxrs.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IP address or CIDR block such as {@code 18.199.249.46}, {@code 10.0.0.0/8} or
 * {@code 2001:db8::/32}. Parsing never resolves a host name.
 *
 * @param network the network address (host bits cleared)
 * @param prefixLength the number of leading bits that must match
 */
public record IpRange(InetAddress network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    public IpRange {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length must be between 0 and " + bits);
        }
        network = mask(network, prefixLength);
    }

    /**
     * Parses {@code address} or {@code address/prefix}.
     *
     * @throws IllegalArgumentException if the text is not an IPv4 or IPv6 literal with an
     *     optional prefix length
     */
    public static IpRange parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.trim();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        InetAddress ip = literal(address);
        if (ip == null) {
            throw new IllegalArgumentException("\"" + abbreviate(s) + "\" is not an IP address or CIDR block"
                    + " (examples: 18.199.249.46, 10.0.0.0/8, 2001:db8::/32); host names are not accepted");
        }
        int bits = ip.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > bits) {
                throw new IllegalArgumentException("\"" + abbreviate(s) + "\" has an invalid prefix length;"
                        + " use 0 to " + bits);
            }
            prefix = Integer.parseInt(p);
        }
        return new IpRange(ip, prefix);
    }

    /** Whether {@code address} lies in this range; IPv4 never matches an IPv6 range or vice versa. */
    public boolean contains(InetAddress address) {
        if (address == null || address.getAddress().length != network.getAddress().length) {
            return false;
        }
        return Arrays.equals(mask(address, prefixLength).getAddress(), network.getAddress());
    }

    /** Whether {@code address} (an IP literal) lies in this range; {@code false} for anything else. */
    public boolean contains(String address) {
        return address != null && contains(literal(address.trim()));
    }

    /** Whether this range is all of IPv4 or all of IPv6. */
    public boolean isEverything() {
        return prefixLength == 0;
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    /** An IP literal without DNS, or {@code null}. */
    static InetAddress literal(String s) {
        if (s == null || !(IPV4.matcher(s).matches() || IPV6.matcher(s).matches())) {
            return null;
        }
        try {
            // A literal of these shapes is parsed, never looked up.
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress mask(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only thrown for a wrong length, which cannot happen
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
