package io.github.payop4j.internal.ipn.net;

import java.net.InetAddress;
import java.util.Objects;

/** An address range such as {@code 3.125.109.58}, {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
public final class Cidr {

    private final String text;
    private final byte[] network;
    private final int prefix;

    private Cidr(String text, byte[] network, int prefix) {
        this.text = text;
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * Parses a single address (a full-length range) or {@code address/prefix}.
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static Cidr parse(String value) {
        Objects.requireNonNull(value, "address range");
        String s = value.trim();
        int slash = s.indexOf('/');
        InetAddress address = IpLiteral.parse(slash < 0 ? s : s.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("\"" + value + "\" is not an IP address or CIDR range"
                    + " (for example 3.125.109.58, 10.0.0.0/8 or 2001:db8::/32; host names are not accepted)");
        }
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > bits) {
                throw new IllegalArgumentException("\"" + value + "\" has an invalid prefix length (0 to " + bits + ")");
            }
            prefix = Integer.parseInt(p);
        }
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] &= mask(prefix, i);
        }
        return new Cidr(s, bytes, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & mask(prefix, i)) != (network[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static int mask(int prefix, int byteIndex) {
        int bitsInByte = Math.max(0, Math.min(8, prefix - byteIndex * 8));
        return (0xff << (8 - bitsInByte)) & 0xff;
    }

    @Override
    public String toString() {
        return text;
    }
}
