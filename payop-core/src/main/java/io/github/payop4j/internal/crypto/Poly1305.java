package io.github.payop4j.internal.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Poly1305 one-time authenticator (RFC 8439 section 2.5), libsodium's {@code crypto_onetimeauth}.
 *
 * <p>Arithmetic modulo 2^130 - 5 uses five 26-bit limbs held in {@code long}s, after Andrew Moon's
 * poly1305-donna-32: limb products stay below 2^58, so nothing overflows and no step branches on secret
 * data. BigInteger would be simpler to read but its running time depends on the values, and the key and
 * the accumulator are secret.
 */
final class Poly1305 {

    /** Key length, in bytes: the clamped multiplier r followed by the final pad s. */
    static final int KEY_BYTES = 32;
    /** Tag length, in bytes. */
    static final int TAG_BYTES = 16;

    private static final int BLOCK_BYTES = 16;
    private static final long LIMB_MASK = 0x3ffffff;
    private static final long U32_MASK = 0xffffffffL;
    // The 2^128 bit every full block gets; a short final block gets its 1 bit by explicit padding instead.
    private static final long FULL_BLOCK_HIBIT = 1L << 24;

    private static final VarHandle LE_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Poly1305() {
    }

    /**
     * Computes the Poly1305 tag of {@code message[offset .. offset+length)} under a one-time key and
     * writes it to {@code tag[tagOffset .. tagOffset+16)}.
     *
     * @param key a 32-byte one-time key; reusing it for a second message lets an attacker forge tags
     * @param message the array holding the message
     * @param offset where the message starts
     * @param length message length in bytes, possibly zero
     * @param tag destination of the 16-byte tag
     * @param tagOffset where to write the tag
     */
    static void mac(byte[] key, byte[] message, int offset, int length, byte[] tag, int tagOffset) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("key must be " + KEY_BYTES + " bytes, got " + key.length);
        }
        Objects.checkFromIndexSize(offset, length, message.length);
        Objects.checkFromIndexSize(tagOffset, TAG_BYTES, tag.length);

        // r, clamped as the spec requires so that the limb products below cannot overflow.
        long t0 = u32(key, 0);
        long t1 = u32(key, 4);
        long t2 = u32(key, 8);
        long t3 = u32(key, 12);
        final long r0 = t0 & 0x3ffffff;
        final long r1 = ((t0 >>> 26) | (t1 << 6)) & 0x3ffff03;
        final long r2 = ((t1 >>> 20) | (t2 << 12)) & 0x3ffc0ff;
        final long r3 = ((t2 >>> 14) | (t3 << 18)) & 0x3f03fff;
        final long r4 = (t3 >>> 8) & 0x00fffff;
        // 2^130 = 5 (mod p), so limbs that overflow past 2^130 fold back in multiplied by 5.
        final long s1 = r1 * 5;
        final long s2 = r2 * 5;
        final long s3 = r3 * 5;
        final long s4 = r4 * 5;

        long h0 = 0;
        long h1 = 0;
        long h2 = 0;
        long h3 = 0;
        long h4 = 0;

        byte[] padded = null;
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            byte[] block = message;
            int at = pos;
            long hibit = FULL_BLOCK_HIBIT;
            if (end - pos < BLOCK_BYTES) {
                // A short last block is message || 0x01 || zeros, without the 2^128 bit.
                padded = new byte[BLOCK_BYTES];
                System.arraycopy(message, pos, padded, 0, end - pos);
                padded[end - pos] = 1;
                block = padded;
                at = 0;
                hibit = 0;
            }
            t0 = u32(block, at);
            t1 = u32(block, at + 4);
            t2 = u32(block, at + 8);
            t3 = u32(block, at + 12);
            h0 += t0 & LIMB_MASK;
            h1 += ((t0 >>> 26) | (t1 << 6)) & LIMB_MASK;
            h2 += ((t1 >>> 20) | (t2 << 12)) & LIMB_MASK;
            h3 += ((t2 >>> 14) | (t3 << 18)) & LIMB_MASK;
            h4 += (t3 >>> 8) | hibit;

            // h *= r (mod 2^130 - 5), schoolbook with the wrap-around terms pre-multiplied by 5.
            long d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1;
            long d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2;
            long d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3;
            long d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4;
            long d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;

            // Partial carry: enough to keep every limb near 26 bits for the next multiplication.
            long c = d0 >>> 26;
            h0 = d0 & LIMB_MASK;
            d1 += c;
            c = d1 >>> 26;
            h1 = d1 & LIMB_MASK;
            d2 += c;
            c = d2 >>> 26;
            h2 = d2 & LIMB_MASK;
            d3 += c;
            c = d3 >>> 26;
            h3 = d3 & LIMB_MASK;
            d4 += c;
            c = d4 >>> 26;
            h4 = d4 & LIMB_MASK;
            h0 += c * 5;
            c = h0 >>> 26;
            h0 &= LIMB_MASK;
            h1 += c;

            pos += BLOCK_BYTES;
        }
        if (padded != null) {
            Arrays.fill(padded, (byte) 0);
        }

        // Full carry, so that each limb is exactly 26 bits.
        long c = h1 >>> 26;
        h1 &= LIMB_MASK;
        h2 += c;
        c = h2 >>> 26;
        h2 &= LIMB_MASK;
        h3 += c;
        c = h3 >>> 26;
        h3 &= LIMB_MASK;
        h4 += c;
        c = h4 >>> 26;
        h4 &= LIMB_MASK;
        h0 += c * 5;
        c = h0 >>> 26;
        h0 &= LIMB_MASK;
        h1 += c;

        // g = h + 5 - 2^130; if g is non-negative then h >= p and g is the reduced value.
        long g0 = h0 + 5;
        c = g0 >>> 26;
        g0 &= LIMB_MASK;
        long g1 = h1 + c;
        c = g1 >>> 26;
        g1 &= LIMB_MASK;
        long g2 = h2 + c;
        c = g2 >>> 26;
        g2 &= LIMB_MASK;
        long g3 = h3 + c;
        c = g3 >>> 26;
        g3 &= LIMB_MASK;
        long g4 = h4 + c - (1L << 26);

        // Select with a mask rather than a branch: all ones keeps g, all zeros keeps h.
        long keepG = (g4 >>> 63) - 1;
        long keepH = ~keepG;
        h0 = (h0 & keepH) | (g0 & keepG);
        h1 = (h1 & keepH) | (g1 & keepG);
        h2 = (h2 & keepH) | (g2 & keepG);
        h3 = (h3 & keepH) | (g3 & keepG);
        h4 = (h4 & keepH) | (g4 & keepG);

        // Back to four 32-bit words, then add s modulo 2^128 (the carry out of the top word is dropped).
        long w0 = (h0 | (h1 << 26)) & U32_MASK;
        long w1 = ((h1 >>> 6) | (h2 << 20)) & U32_MASK;
        long w2 = ((h2 >>> 12) | (h3 << 14)) & U32_MASK;
        long w3 = ((h3 >>> 18) | (h4 << 8)) & U32_MASK;

        long f = w0 + u32(key, 16);
        LE_INT.set(tag, tagOffset, (int) f);
        f = w1 + u32(key, 20) + (f >>> 32);
        LE_INT.set(tag, tagOffset + 4, (int) f);
        f = w2 + u32(key, 24) + (f >>> 32);
        LE_INT.set(tag, tagOffset + 8, (int) f);
        f = w3 + u32(key, 28) + (f >>> 32);
        LE_INT.set(tag, tagOffset + 12, (int) f);
    }

    /**
     * Convenience form of {@link #mac(byte[], byte[], int, int, byte[], int)} over a whole array.
     *
     * @param key a 32-byte one-time key
     * @param message the message, possibly empty
     * @return a new 16-byte tag
     */
    static byte[] mac(byte[] key, byte[] message) {
        byte[] tag = new byte[TAG_BYTES];
        mac(key, message, 0, message.length, tag, 0);
        return tag;
    }

    private static long u32(byte[] bytes, int offset) {
        return (int) LE_INT.get(bytes, offset) & U32_MASK;
    }
}
