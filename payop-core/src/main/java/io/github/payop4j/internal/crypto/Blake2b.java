package io.github.payop4j.internal.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Unkeyed BLAKE2b (RFC 7693) with a digest length of 1 to 64 bytes.
 *
 * <p>The sealed box derives its nonce as {@code BLAKE2b-192(ephemeral_pk || recipient_pk)}, which is
 * libsodium's {@code crypto_generichash} with a 24-byte output. The JDK has no BLAKE2, hence this class.
 * It is one-shot on purpose: the only input is 64 bytes already in memory, so a streaming API would add
 * state without adding value.
 */
final class Blake2b {

    /** Largest digest BLAKE2b can produce, in bytes. */
    static final int MAX_DIGEST_BYTES = 64;

    private static final int BLOCK_BYTES = 128;
    private static final int ROUNDS = 12;

    // Reading message words through a view avoids eight shifts per word on the hot path.
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    // Same IV as SHA-512 (RFC 7693 section 2.6).
    private static final long[] IV = {
        0x6A09E667F3BCC908L, 0xBB67AE8584CAA73BL, 0x3C6EF372FE94F82BL, 0xA54FF53A5F1D36F1L,
        0x510E527FADE682D1L, 0x9B05688C2B3E6C1FL, 0x1F83D9ABFB41BD6BL, 0x5BE0CD19137E2179L,
    };

    // Message word permutations; rounds 10 and 11 reuse rows 0 and 1 (RFC 7693 section 2.7).
    private static final byte[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    };

    private Blake2b() {
    }

    /**
     * Hashes {@code input} with unkeyed BLAKE2b, as libsodium's {@code crypto_generichash(out, outLength,
     * input, input.length, NULL, 0)} does.
     *
     * @param input the bytes to hash, possibly empty
     * @param outLength the digest length in bytes, from 1 to 64; it is a parameter of the hash, not a
     *     truncation, so BLAKE2b-192 is not a prefix of BLAKE2b-512
     * @return a new array of {@code outLength} bytes
     * @throws IllegalArgumentException if {@code outLength} is outside 1..64
     */
    static byte[] digest(byte[] input, int outLength) {
        Objects.requireNonNull(input, "input");
        if (outLength < 1 || outLength > MAX_DIGEST_BYTES) {
            throw new IllegalArgumentException(
                    "BLAKE2b digest length must be 1.." + MAX_DIGEST_BYTES + " bytes, got " + outLength);
        }
        long[] h = IV.clone();
        // Parameter block word 0: digest length, key length 0, fanout 1, depth 1.
        h[0] ^= 0x01010000L ^ outLength;

        long[] m = new long[16];
        long[] v = new long[16];
        int offset = 0;
        // Every block but the last is compressed as non-final; the last one (even an empty input's
        // all-zero block) carries the finalization flag, so a block-aligned input must not be
        // consumed entirely in this loop.
        while (input.length - offset > BLOCK_BYTES) {
            for (int i = 0; i < 16; i++) {
                m[i] = (long) LE_LONG.get(input, offset + 8 * i);
            }
            offset += BLOCK_BYTES;
            compress(h, m, v, offset, false);
        }
        byte[] last = new byte[BLOCK_BYTES];
        System.arraycopy(input, offset, last, 0, input.length - offset);
        for (int i = 0; i < 16; i++) {
            m[i] = (long) LE_LONG.get(last, 8 * i);
        }
        compress(h, m, v, input.length, true);

        byte[] full = new byte[MAX_DIGEST_BYTES];
        for (int i = 0; i < 8; i++) {
            LE_LONG.set(full, 8 * i, h[i]);
        }
        return outLength == MAX_DIGEST_BYTES ? full : Arrays.copyOf(full, outLength);
    }

    /**
     * The compression function F. {@code bytesSoFar} is the low word of the 128-bit counter t; the
     * high word stays zero because a Java array cannot hold 2^64 bytes.
     */
    private static void compress(long[] h, long[] m, long[] v, long bytesSoFar, boolean lastBlock) {
        System.arraycopy(h, 0, v, 0, 8);
        System.arraycopy(IV, 0, v, 8, 8);
        v[12] ^= bytesSoFar;
        if (lastBlock) {
            v[14] = ~v[14];
        }
        for (int round = 0; round < ROUNDS; round++) {
            byte[] s = SIGMA[round % 10];
            mix(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            mix(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            mix(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            mix(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            mix(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            mix(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            mix(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            mix(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for (int i = 0; i < 8; i++) {
            h[i] ^= v[i] ^ v[i + 8];
        }
    }

    /** The mixing function G with BLAKE2b's rotation constants 32, 24, 16, 63. */
    private static void mix(long[] v, int a, int b, int c, int d, long x, long y) {
        v[a] = v[a] + v[b] + x;
        v[d] = Long.rotateRight(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y;
        v[d] = Long.rotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 63);
    }
}
