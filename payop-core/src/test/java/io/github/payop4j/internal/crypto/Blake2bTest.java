package io.github.payop4j.internal.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Blake2bTest {

    private static final HexFormat HEX = HexFormat.of();

    private static Libsodium sodium;

    @BeforeAll
    static void loadLibsodium() {
        sodium = Libsodium.loadOrFail();
    }

    /** RFC 7693 Appendix A: BLAKE2b-512("abc"). */
    @Test
    void rfc7693AppendixA() {
        byte[] expected = HEX.parseHex(
                "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
        assertArrayEquals(expected, Blake2b.digest("abc".getBytes(US_ASCII), 64));
    }

    /**
     * BLAKE2b-192 of the 64 bytes 0x00..0x3f: the output length and input length of the sealed-box nonce.
     * Expected bytes computed with libsodium's crypto_generichash (and Python's hashlib.blake2b), and
     * re-checked against libsodium below so the constant cannot drift from the reference.
     */
    @Test
    void blake2b192OfSealedBoxSizedInput() {
        byte[] input = new byte[64];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) i;
        }
        byte[] expected = HEX.parseHex("aa054507b4916837a6d2b35b1ce7c525facdb7868ed55a8a");
        assertArrayEquals(expected, Blake2b.digest(input, 24));
        assertArrayEquals(expected, libsodiumHash(input, 24));
    }

    /** BLAKE2b-192("abc"), computed with libsodium's crypto_generichash and re-checked against it. */
    @Test
    void blake2b192OfAbc() {
        byte[] input = "abc".getBytes(US_ASCII);
        byte[] expected = HEX.parseHex("56a17e38cc371a46b12c32f18e0c61de2a84e9c2555b114e");
        assertArrayEquals(expected, Blake2b.digest(input, 24));
        assertArrayEquals(expected, libsodiumHash(input, 24));
    }

    /** Every length across the first three block boundaries, for several digest lengths. */
    @Test
    void matchesLibsodiumAcrossBlockBoundaries() {
        SplittableRandom random = new SplittableRandom(7693);
        int[] outLengths = {1, 16, 24, 32, 63, 64};
        for (int length = 0; length <= 3 * 128 + 1; length++) {
            byte[] input = new byte[length];
            random.nextBytes(input);
            for (int outLength : outLengths) {
                assertArrayEquals(libsodiumHash(input, outLength), Blake2b.digest(input, outLength),
                        "input length " + length + ", digest length " + outLength);
            }
        }
    }

    @Test
    void rejectsDigestLengthsOutsideOneToSixtyFour() {
        assertThrows(IllegalArgumentException.class, () -> Blake2b.digest(new byte[1], 0));
        assertThrows(IllegalArgumentException.class, () -> Blake2b.digest(new byte[1], 65));
        assertEquals(64, Blake2b.digest(new byte[0], 64).length);
    }

    private static byte[] libsodiumHash(byte[] input, int outLength) {
        byte[] out = new byte[outLength];
        assertEquals(0, sodium.crypto_generichash(out, outLength, input, input.length, null, 0));
        return out;
    }
}
