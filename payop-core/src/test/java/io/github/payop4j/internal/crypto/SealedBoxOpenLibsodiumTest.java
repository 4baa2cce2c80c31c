package io.github.payop4j.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SealedBox#open} against libsodium: what {@code crypto_box_seal} seals, open returns; what
 * was sealed to another key or altered, open refuses. Fails, never skips, without libsodium.
 */
class SealedBoxOpenLibsodiumTest {

    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1000, 100_000};

    private static Libsodium sodium;

    private final SplittableRandom random = new SplittableRandom(0x0be11);
    private byte[] recipientPublic;
    private byte[] recipientSecret;

    @BeforeAll
    static void loadLibsodium() {
        sodium = Libsodium.loadOrFail();
    }

    @BeforeEach
    void newRecipient() {
        recipientPublic = new byte[32];
        recipientSecret = new byte[32];
        assertEquals(0, sodium.crypto_box_keypair(recipientPublic, recipientSecret));
    }

    static IntStream lengths() {
        return IntStream.of(LENGTHS);
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("lengths")
    void opensWhatLibsodiumSeals(int length) {
        byte[] message = randomBytes(length);
        byte[] sealed = libsodiumSeal(message, recipientPublic);
        assertArrayEquals(message, SealedBox.open(sealed, recipientSecret));
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("lengths")
    void opensWhatItSeals(int length) {
        byte[] message = randomBytes(length);
        assertArrayEquals(message, SealedBox.open(SealedBox.seal(message, recipientPublic), recipientSecret));
    }

    @Test
    void publicKeyOfMatchesLibsodium() {
        assertArrayEquals(recipientPublic, SealedBox.publicKeyOf(recipientSecret));
        byte[] viaScalarmult = new byte[32];
        assertEquals(0, sodium.crypto_scalarmult_base(viaScalarmult, recipientSecret));
        assertArrayEquals(viaScalarmult, SealedBox.publicKeyOf(recipientSecret));
    }

    @Test
    void refusesABoxSealedToAnotherKey() {
        byte[] otherPublic = new byte[32];
        byte[] otherSecret = new byte[32];
        assertEquals(0, sodium.crypto_box_keypair(otherPublic, otherSecret));
        byte[] sealed = libsodiumSeal(randomBytes(100), otherPublic);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SealedBox.open(sealed, recipientSecret));
        assertEquals("the sealed box does not open with this key: it was sealed to another public key, or altered",
                e.getMessage());
    }

    @Test
    void refusesEveryAlteredByte() {
        byte[] sealed = libsodiumSeal(randomBytes(80), recipientPublic);
        for (int position = 0; position < sealed.length; position++) {
            byte[] tampered = sealed.clone();
            tampered[position] ^= (byte) (1 << (position % 8));
            int at = position;
            assertThrows(IllegalArgumentException.class, () -> SealedBox.open(tampered, recipientSecret),
                    "flip at byte " + at + " was accepted");
        }
    }

    @Test
    void refusesTruncatedBoxes() {
        byte[] sealed = libsodiumSeal(randomBytes(10), recipientPublic);
        for (int length = 0; length < sealed.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(sealed, length);
            assertThrows(IllegalArgumentException.class, () -> SealedBox.open(cut, recipientSecret),
                    "a box cut to " + length + " bytes was accepted");
        }
    }

    private static byte[] libsodiumSeal(byte[] message, byte[] publicKey) {
        byte[] sealed = new byte[message.length + 48];
        assertEquals(0, sodium.crypto_box_seal(sealed, message, message.length, publicKey));
        return sealed;
    }

    private byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
