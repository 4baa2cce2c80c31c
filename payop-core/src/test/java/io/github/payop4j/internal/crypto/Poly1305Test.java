package io.github.payop4j.internal.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Poly1305Test {

    private static final HexFormat HEX = HexFormat.of();

    private static Libsodium sodium;

    @BeforeAll
    static void loadLibsodium() {
        sodium = Libsodium.loadOrFail();
    }

    /** RFC 8439 section 2.5.2. */
    @Test
    void rfc8439Section252() {
        byte[] key = HEX.parseHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
        byte[] message = "Cryptographic Forum Research Group".getBytes(US_ASCII);
        byte[] expected = HEX.parseHex("a8061dc1305136c6c22b8baf0c0127a9");
        assertArrayEquals(expected, Poly1305.mac(key, message));
    }

    @Test
    void writesTagAtOffsetAndReadsMessageSlice() {
        byte[] key = HEX.parseHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
        byte[] message = "xxCryptographic Forum Research Groupyy".getBytes(US_ASCII);
        byte[] out = new byte[20];
        Poly1305.mac(key, message, 2, message.length - 4, out, 3);
        assertArrayEquals(HEX.parseHex("a8061dc1305136c6c22b8baf0c0127a9"), Arrays.copyOfRange(out, 3, 19));
    }

    /** Random keys and every message length up to five blocks, including partial last blocks. */
    @Test
    void matchesLibsodiumCryptoOnetimeauth() {
        SplittableRandom random = new SplittableRandom(8439);
        for (int length = 0; length <= 80; length++) {
            for (int trial = 0; trial < 8; trial++) {
                byte[] key = new byte[32];
                byte[] message = new byte[length];
                random.nextBytes(key);
                random.nextBytes(message);
                assertArrayEquals(libsodiumMac(key, message), Poly1305.mac(key, message), "length " + length);
            }
        }
    }

    /**
     * All-0xff keys and messages push every limb to its maximum, which is where a missing carry or a wrong
     * final reduction (h >= 2^130 - 5) shows up.
     */
    @Test
    void matchesLibsodiumOnExtremeValues() {
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xff);
        for (int length : new int[] {0, 1, 15, 16, 17, 64, 1000}) {
            byte[] allOnes = new byte[length];
            Arrays.fill(allOnes, (byte) 0xff);
            assertArrayEquals(libsodiumMac(ones, allOnes), Poly1305.mac(ones, allOnes), "0xff, length " + length);
            byte[] zeros = new byte[length];
            assertArrayEquals(libsodiumMac(ones, zeros), Poly1305.mac(ones, zeros), "0x00, length " + length);
        }
    }

    /**
     * Inputs shaped like RFC 8439 appendix A.3's edge cases (tiny r, zero s, messages that drive the
     * accumulator just past 2^130 - 5), with libsodium as the oracle rather than transcribed tags.
     */
    @Test
    void matchesLibsodiumOnReductionEdgeCases() {
        byte[] r2 = new byte[32];
        r2[0] = 2;
        byte[] r1 = new byte[32];
        r1[0] = 1;
        byte[] r2sOnes = new byte[32];
        r2sOnes[0] = 2;
        Arrays.fill(r2sOnes, 16, 32, (byte) 0xff);

        byte[] ff16 = new byte[16];
        Arrays.fill(ff16, (byte) 0xff);
        byte[] nearP = new byte[48];
        Arrays.fill(nearP, 0, 16, (byte) 0xff);
        nearP[16] = (byte) 0xf0;
        Arrays.fill(nearP, 17, 32, (byte) 0xff);
        nearP[32] = 0x11;
        byte[] two = new byte[16];
        two[0] = 2;

        for (byte[] key : new byte[][] {r2, r1, r2sOnes}) {
            for (byte[] message : new byte[][] {ff16, nearP, two}) {
                assertArrayEquals(libsodiumMac(key, message), Poly1305.mac(key, message),
                        "key " + HEX.formatHex(key) + ", message " + HEX.formatHex(message));
            }
        }
    }

    @Test
    void rejectsWrongKeyLength() {
        assertThrows(IllegalArgumentException.class, () -> Poly1305.mac(new byte[31], new byte[1]));
    }

    private static byte[] libsodiumMac(byte[] key, byte[] message) {
        byte[] tag = new byte[16];
        assertEquals(0, sodium.crypto_onetimeauth(tag, message, message.length, key));
        return tag;
    }
}
