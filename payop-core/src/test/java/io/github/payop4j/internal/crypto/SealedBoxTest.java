package io.github.payop4j.internal.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Pure-Java checks of {@link SealedBox}; the libsodium round trips live in SealedBoxLibsodiumTest. */
class SealedBoxTest {

    private static final HexFormat HEX = HexFormat.of();

    // RFC 7748 section 6.1 key pairs, which are also NaCl's tests/box.c keys.
    private static final byte[] ALICE_SECRET =
            HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] ALICE_PUBLIC =
            HEX.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final byte[] BOB_PUBLIC =
            HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");

    /**
     * NaCl tests/box.c: crypto_box(alice_sk, bob_pk) of the secretbox message gives the secretbox vector,
     * because HSalsa20 of Alice and Bob's X25519 secret is NaCl's "firstkey". This pins the JDK X25519
     * plumbing (byte order, key decoding, beforenm) to a published vector.
     */
    @Test
    void naclBoxVector() {
        assertArrayEquals(SecretBoxTest.BOXED,
                SealedBox.boxEasy(SecretBoxTest.MESSAGE, SecretBoxTest.NONCE, BOB_PUBLIC, ALICE_SECRET));
    }

    /** The ephemeral public key at the front is the RFC 7748 public key of the ephemeral secret. */
    @Test
    void ephemeralPublicKeyLeadsTheOutput() {
        byte[] sealed = SealedBox.sealWithEphemeralKey(new byte[0], BOB_PUBLIC, ALICE_SECRET);
        assertArrayEquals(ALICE_PUBLIC, Arrays.copyOf(sealed, 32));
    }

    @Test
    void outputIsFortyEightBytesLongerThanTheMessage() {
        for (int length : new int[] {0, 1, 100, 4096}) {
            assertEquals(SealedBox.SEAL_BYTES + length, SealedBox.seal(new byte[length], BOB_PUBLIC).length);
        }
        assertEquals(48, SealedBox.SEAL_BYTES);
    }

    @Test
    void sealingTheSameMessageTwiceDiffers() {
        byte[] message = "same message".getBytes(UTF_8);
        byte[] first = SealedBox.seal(message, BOB_PUBLIC);
        byte[] second = SealedBox.seal(message, BOB_PUBLIC);
        assertFalse(Arrays.equals(first, second));
        assertFalse(Arrays.equals(Arrays.copyOf(first, 32), Arrays.copyOf(second, 32)),
                "each seal must use a fresh ephemeral key");
    }

    @Test
    void aSeededRandomMakesSealingReproducible() throws NoSuchAlgorithmException {
        byte[] message = new byte[100];
        byte[] first = SealedBox.seal(message, BOB_PUBLIC, seeded(42));
        byte[] second = SealedBox.seal(message, BOB_PUBLIC, seeded(42));
        byte[] other = SealedBox.seal(message, BOB_PUBLIC, seeded(43));
        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, other));
    }

    @Test
    void rejectsRecipientKeysThatAreNotThirtyTwoBytes() {
        for (int length : new int[] {0, 31, 33, 64}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SealedBox.seal(new byte[1], new byte[length]));
            assertTrue(e.getMessage().contains("exactly 32 bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("got " + length), e.getMessage());
        }
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> SealedBox.seal(null, BOB_PUBLIC));
        assertThrows(NullPointerException.class, () -> SealedBox.seal(new byte[1], null));
    }

    /** u = 0 has small order: every "shared secret" with it is zero, so libsodium refuses it too. */
    @Test
    void rejectsLowOrderRecipientKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SealedBox.seal(new byte[1], new byte[32]));
        assertTrue(e.getMessage().contains("low-order"), e.getMessage());
    }

    @Test
    void doesNotModifyItsInputs() {
        byte[] message = "payload".getBytes(UTF_8);
        byte[] messageCopy = message.clone();
        byte[] key = BOB_PUBLIC.clone();
        SealedBox.seal(message, key);
        assertArrayEquals(messageCopy, message);
        assertArrayEquals(BOB_PUBLIC, key);
    }

    @Test
    void uCoordinateEncodingRoundTripsAndIgnoresBit255() {
        assertArrayEquals(BOB_PUBLIC, SealedBox.encodeU(SealedBox.decodeU(BOB_PUBLIC)));
        byte[] withTopBit = BOB_PUBLIC.clone();
        withTopBit[31] |= (byte) 0x80;
        assertEquals(SealedBox.decodeU(BOB_PUBLIC), SealedBox.decodeU(withTopBit));
        // Small values need zero padding at the top, large ones must not keep toByteArray's sign byte.
        byte[] nine = new byte[32];
        nine[0] = 9;
        assertArrayEquals(nine, SealedBox.encodeU(BigInteger.valueOf(9)));
        byte[] top = new byte[32];
        top[31] = 0x40;
        assertArrayEquals(top, SealedBox.encodeU(BigInteger.ONE.shiftLeft(254)));
    }

    private static SecureRandom seeded(long seed) throws NoSuchAlgorithmException {
        // SHA1PRNG seeded before first use is deterministic, unlike the default NativePRNG.
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
    }
}
