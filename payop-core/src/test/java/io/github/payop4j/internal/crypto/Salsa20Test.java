package io.github.payop4j.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Salsa20, HSalsa20 and XSalsa20 against libsodium's crypto_core / crypto_stream functions. */
class Salsa20Test {

    private static Libsodium sodium;

    private final SplittableRandom random = new SplittableRandom(20);

    @BeforeAll
    static void loadLibsodium() {
        sodium = Libsodium.loadOrFail();
    }

    @Test
    void hsalsa20MatchesLibsodium() {
        for (int trial = 0; trial < 64; trial++) {
            byte[] key = bytes(32);
            byte[] input = bytes(16);
            byte[] expected = new byte[32];
            // A null constant selects the standard "expand 32-byte k".
            assertEquals(0, sodium.crypto_core_hsalsa20(expected, input, key, null));
            assertArrayEquals(expected, Salsa20.hsalsa20(key, input, 0));
        }
    }

    @Test
    void hsalsa20ReadsInputAtOffset() {
        byte[] key = bytes(32);
        byte[] padded = bytes(40);
        byte[] input = Arrays.copyOfRange(padded, 5, 21);
        assertArrayEquals(Salsa20.hsalsa20(key, input, 0), Salsa20.hsalsa20(key, padded, 5));
    }

    @Test
    void xsalsa20MatchesLibsodiumForEveryLengthUpToFourBlocks() {
        for (int length = 0; length <= 4 * 64 + 1; length++) {
            byte[] key = bytes(32);
            byte[] nonce = bytes(24);
            byte[] message = bytes(length);
            byte[] expected = new byte[length];
            assertEquals(0, sodium.crypto_stream_xsalsa20_xor(expected, message, length, nonce, key));
            byte[] actual = new byte[length];
            Salsa20.xsalsa20Xor(actual, 0, message, 0, length, nonce, key);
            assertArrayEquals(expected, actual, "length " + length);
        }
    }

    @Test
    void xsalsa20WorksInPlace() {
        byte[] key = bytes(32);
        byte[] nonce = bytes(24);
        byte[] message = bytes(1000);
        byte[] expected = new byte[message.length];
        Salsa20.xsalsa20Xor(expected, 0, message, 0, message.length, nonce, key);
        Salsa20.xsalsa20Xor(message, 0, message, 0, message.length, nonce, key);
        assertArrayEquals(expected, message);
    }

    /**
     * The block counter is 64 bits split over two state words; starting just below 2^32 and near 2^64
     * checks that the carry into the high word (and the final wrap) match libsodium.
     */
    @Test
    void salsa20CounterCarriesLikeLibsodium() {
        long[] counters = {0L, 1L, 0xfffffffeL, 0xffffffffL, 0x1_0000_0000L, -2L};
        for (long counter : counters) {
            byte[] key = bytes(32);
            byte[] nonce = bytes(8);
            byte[] message = bytes(3 * 64 + 7);
            byte[] expected = new byte[message.length];
            assertEquals(0, sodium.crypto_stream_salsa20_xor_ic(expected, message, message.length, nonce,
                    counter, key));
            byte[] actual = new byte[message.length];
            Salsa20.streamXor(actual, 0, message, 0, message.length, nonce, 0, counter, key);
            assertArrayEquals(expected, actual, "counter " + Long.toUnsignedString(counter));
        }
    }

    @Test
    void rejectsWrongKeyAndNonceLengths() {
        assertThrows(IllegalArgumentException.class, () -> Salsa20.hsalsa20(new byte[31], new byte[16], 0));
        assertThrows(IllegalArgumentException.class,
                () -> Salsa20.xsalsa20Xor(new byte[1], 0, new byte[1], 0, 1, new byte[23], new byte[32]));
        assertThrows(IndexOutOfBoundsException.class, () -> Salsa20.hsalsa20(new byte[32], new byte[16], 1));
    }

    private byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
