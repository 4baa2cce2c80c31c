package io.github.payop4j.internal.ipn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An IPN body as a map key: equal when byte for byte equal. A retry of the same notification
 * (Payop retries until it gets a 200, and repeats anyway) normally carries the same bytes, and the
 * parser is a pure function of the bytes, so a body seen before needs no second parse; a repeat
 * with other bytes is parsed, and recognised by its state, as before. The hash reads eight
 * bytes at a time: it runs on every delivery, fresh ones included.
 */
final class IpnBody {

    /** Longer bodies are not remembered: Payop's are well under 2 KB, and memory stays bounded. */
    static final int MAX_REMEMBERED = 4096;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    private final int hash;

    private IpnBody(byte[] bytes) {
        this.bytes = bytes;
        this.hash = hash(bytes);
    }

    /** The key of {@code body}, or {@code null} when it is too long to be remembered. */
    static IpnBody of(byte[] body) {
        return body.length > MAX_REMEMBERED ? null : new IpnBody(body);
    }

    private static int hash(byte[] b) {
        long h = b.length;
        int i = 0;
        for (; i + Long.BYTES <= b.length; i += Long.BYTES) {
            h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
        }
        for (; i < b.length; i++) {
            h = (h ^ b[i]) * 0x9E3779B97F4A7C15L;
        }
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof IpnBody other && other.hash == hash && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "IpnBody[" + bytes.length + " bytes]"; // never the content: it may name a payer
    }
}
