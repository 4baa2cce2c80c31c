package io.github.payop4j.internal.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Salsa20/20, HSalsa20 and XSalsa20 as specified by D. J. Bernstein ("Salsa20 specification",
 * "Extending the Salsa20 nonce") and implemented by libsodium's {@code crypto_core_hsalsa20} and
 * {@code crypto_stream_salsa20_xor_ic}.
 *
 * <p>The JDK ships ChaCha20 but not Salsa20, and NaCl's box construction is defined on Salsa20, so there
 * is no way around implementing it for byte compatibility with {@code crypto_box_seal}.
 */
final class Salsa20 {

    /** Key length of every function in this class, in bytes. */
    static final int KEY_BYTES = 32;
    /** Input length of HSalsa20, in bytes. */
    static final int HSALSA20_INPUT_BYTES = 16;
    /** Output length of HSalsa20, in bytes. */
    static final int HSALSA20_OUTPUT_BYTES = 32;
    /** Nonce length of Salsa20, in bytes. */
    static final int NONCE_BYTES = 8;
    /** Nonce length of XSalsa20, in bytes. */
    static final int XSALSA20_NONCE_BYTES = 24;
    /** Keystream block length, in bytes. */
    static final int BLOCK_BYTES = 64;

    private static final VarHandle LE_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    // "expand 32-byte k": the diagonal constants that keep the all-zero state from being a fixed point.
    private static final int SIGMA_0 = 0x61707865;
    private static final int SIGMA_1 = 0x3320646e;
    private static final int SIGMA_2 = 0x79622d32;
    private static final int SIGMA_3 = 0x6b206574;

    private Salsa20() {
    }

    /**
     * HSalsa20: the Salsa20 core without the final feed-forward, keeping the eight words an attacker
     * cannot compute from the input. Used both as {@code crypto_box_beforenm}'s key derivation and to turn
     * XSalsa20's 24-byte nonce into a Salsa20 subkey.
     *
     * @param key a 32-byte key
     * @param input the array holding the 16-byte input
     * @param inputOffset where the input starts in {@code input}
     * @return a new 32-byte array, the derived key
     */
    static byte[] hsalsa20(byte[] key, byte[] input, int inputOffset) {
        checkLength(key, KEY_BYTES, "key");
        Objects.checkFromIndexSize(inputOffset, HSALSA20_INPUT_BYTES, input.length);
        int[] x = initialState(key, input, inputOffset, input, inputOffset + NONCE_BYTES);
        doubleRounds(x);
        byte[] out = new byte[HSALSA20_OUTPUT_BYTES];
        LE_INT.set(out, 0, x[0]);
        LE_INT.set(out, 4, x[5]);
        LE_INT.set(out, 8, x[10]);
        LE_INT.set(out, 12, x[15]);
        LE_INT.set(out, 16, x[6]);
        LE_INT.set(out, 20, x[7]);
        LE_INT.set(out, 24, x[8]);
        LE_INT.set(out, 28, x[9]);
        Arrays.fill(x, 0);
        return out;
    }

    /**
     * XORs {@code length} bytes of {@code in} with the Salsa20 keystream that starts at 64-byte block
     * number {@code counter}, like libsodium's {@code crypto_stream_salsa20_xor_ic}. {@code in} and
     * {@code out} may be the same array at the same offset.
     *
     * @param out destination array
     * @param outOffset where to write in {@code out}
     * @param in source array
     * @param inOffset where to read in {@code in}
     * @param length number of bytes to process, possibly zero
     * @param nonce the array holding the 8-byte nonce
     * @param nonceOffset where the nonce starts in {@code nonce}
     * @param counter the first block number, an unsigned 64-bit value
     * @param key a 32-byte key
     */
    static void streamXor(byte[] out, int outOffset, byte[] in, int inOffset, int length,
            byte[] nonce, int nonceOffset, long counter, byte[] key) {
        checkLength(key, KEY_BYTES, "key");
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, length, out.length);
        Objects.checkFromIndexSize(nonceOffset, NONCE_BYTES, nonce.length);
        // The 16-byte "input" of the core is nonce || little-endian block counter.
        byte[] counterBytes = new byte[8];
        int[] state = initialState(key, nonce, nonceOffset, counterBytes, 0);
        int[] block = new int[16];
        long blockNumber = counter;
        int done = 0;
        while (done < length) {
            state[8] = (int) blockNumber;
            state[9] = (int) (blockNumber >>> 32);
            System.arraycopy(state, 0, block, 0, 16);
            doubleRounds(block);
            for (int i = 0; i < 16; i++) {
                block[i] += state[i];
            }
            int n = Math.min(BLOCK_BYTES, length - done);
            int src = inOffset + done;
            int dst = outOffset + done;
            if (n == BLOCK_BYTES) {
                for (int i = 0; i < 16; i++) {
                    LE_INT.set(out, dst + 4 * i, (int) LE_INT.get(in, src + 4 * i) ^ block[i]);
                }
            } else {
                for (int j = 0; j < n; j++) {
                    out[dst + j] = (byte) (in[src + j] ^ (block[j >>> 2] >>> (8 * (j & 3))));
                }
            }
            done += n;
            // Wraps modulo 2^64 like libsodium; unreachable for Java array lengths anyway.
            blockNumber++;
        }
        // Both arrays hold key material (state) or keystream (block).
        Arrays.fill(state, 0);
        Arrays.fill(block, 0);
    }

    /**
     * XSalsa20 from block 0: Salsa20 keyed with {@code HSalsa20(key, nonce[0..16])} and nonced with
     * {@code nonce[16..24]}, as libsodium's {@code crypto_stream_xsalsa20_xor}.
     *
     * @param out destination array
     * @param outOffset where to write in {@code out}
     * @param in source array
     * @param inOffset where to read in {@code in}
     * @param length number of bytes to process, possibly zero
     * @param nonce a 24-byte nonce
     * @param key a 32-byte key
     */
    static void xsalsa20Xor(byte[] out, int outOffset, byte[] in, int inOffset, int length,
            byte[] nonce, byte[] key) {
        checkLength(nonce, XSALSA20_NONCE_BYTES, "nonce");
        byte[] subkey = hsalsa20(key, nonce, 0);
        try {
            streamXor(out, outOffset, in, inOffset, length, nonce, HSALSA20_INPUT_BYTES, 0L, subkey);
        } finally {
            Arrays.fill(subkey, (byte) 0);
        }
    }

    /** Lays out constants, key and the 16-byte input in Salsa20's diagonal-constant state matrix. */
    private static int[] initialState(byte[] key, byte[] lowIn, int lowOffset, byte[] highIn, int highOffset) {
        int[] x = new int[16];
        x[0] = SIGMA_0;
        x[1] = (int) LE_INT.get(key, 0);
        x[2] = (int) LE_INT.get(key, 4);
        x[3] = (int) LE_INT.get(key, 8);
        x[4] = (int) LE_INT.get(key, 12);
        x[5] = SIGMA_1;
        x[6] = (int) LE_INT.get(lowIn, lowOffset);
        x[7] = (int) LE_INT.get(lowIn, lowOffset + 4);
        x[8] = (int) LE_INT.get(highIn, highOffset);
        x[9] = (int) LE_INT.get(highIn, highOffset + 4);
        x[10] = SIGMA_2;
        x[11] = (int) LE_INT.get(key, 16);
        x[12] = (int) LE_INT.get(key, 20);
        x[13] = (int) LE_INT.get(key, 24);
        x[14] = (int) LE_INT.get(key, 28);
        x[15] = SIGMA_3;
        return x;
    }

    /**
     * Ten column-round/row-round pairs, in place. Locals instead of array slots let the JIT keep the
     * whole state in registers, which is most of Salsa20's speed.
     */
    private static void doubleRounds(int[] x) {
        int x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4], x5 = x[5], x6 = x[6], x7 = x[7];
        int x8 = x[8], x9 = x[9], x10 = x[10], x11 = x[11], x12 = x[12], x13 = x[13], x14 = x[14];
        int x15 = x[15];
        for (int i = 0; i < 10; i++) {
            // Column round.
            x4 ^= Integer.rotateLeft(x0 + x12, 7);
            x8 ^= Integer.rotateLeft(x4 + x0, 9);
            x12 ^= Integer.rotateLeft(x8 + x4, 13);
            x0 ^= Integer.rotateLeft(x12 + x8, 18);
            x9 ^= Integer.rotateLeft(x5 + x1, 7);
            x13 ^= Integer.rotateLeft(x9 + x5, 9);
            x1 ^= Integer.rotateLeft(x13 + x9, 13);
            x5 ^= Integer.rotateLeft(x1 + x13, 18);
            x14 ^= Integer.rotateLeft(x10 + x6, 7);
            x2 ^= Integer.rotateLeft(x14 + x10, 9);
            x6 ^= Integer.rotateLeft(x2 + x14, 13);
            x10 ^= Integer.rotateLeft(x6 + x2, 18);
            x3 ^= Integer.rotateLeft(x15 + x11, 7);
            x7 ^= Integer.rotateLeft(x3 + x15, 9);
            x11 ^= Integer.rotateLeft(x7 + x3, 13);
            x15 ^= Integer.rotateLeft(x11 + x7, 18);
            // Row round.
            x1 ^= Integer.rotateLeft(x0 + x3, 7);
            x2 ^= Integer.rotateLeft(x1 + x0, 9);
            x3 ^= Integer.rotateLeft(x2 + x1, 13);
            x0 ^= Integer.rotateLeft(x3 + x2, 18);
            x6 ^= Integer.rotateLeft(x5 + x4, 7);
            x7 ^= Integer.rotateLeft(x6 + x5, 9);
            x4 ^= Integer.rotateLeft(x7 + x6, 13);
            x5 ^= Integer.rotateLeft(x4 + x7, 18);
            x11 ^= Integer.rotateLeft(x10 + x9, 7);
            x8 ^= Integer.rotateLeft(x11 + x10, 9);
            x9 ^= Integer.rotateLeft(x8 + x11, 13);
            x10 ^= Integer.rotateLeft(x9 + x8, 18);
            x12 ^= Integer.rotateLeft(x15 + x14, 7);
            x13 ^= Integer.rotateLeft(x12 + x15, 9);
            x14 ^= Integer.rotateLeft(x13 + x12, 13);
            x15 ^= Integer.rotateLeft(x14 + x13, 18);
        }
        x[0] = x0;
        x[1] = x1;
        x[2] = x2;
        x[3] = x3;
        x[4] = x4;
        x[5] = x5;
        x[6] = x6;
        x[7] = x7;
        x[8] = x8;
        x[9] = x9;
        x[10] = x10;
        x[11] = x11;
        x[12] = x12;
        x[13] = x13;
        x[14] = x14;
        x[15] = x15;
    }

    private static void checkLength(byte[] bytes, int expected, String what) {
        Objects.requireNonNull(bytes, what);
        if (bytes.length != expected) {
            throw new IllegalArgumentException(what + " must be " + expected + " bytes, got " + bytes.length);
        }
    }
}
