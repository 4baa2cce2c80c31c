package io.github.payop4j.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility contract: what {@link SealedBox#seal} produces, libsodium's
 * {@code crypto_box_seal_open} opens, and nothing else does. Fails, never skips, without libsodium.
 */
class SealedBoxLibsodiumTest {

    // Straddles Salsa20's 64-byte blocks, Poly1305's 16-byte blocks and the 32-byte head of block 0.
    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 63, 64, 65, 1000, 100_000};

    // Above this, tampering is checked on a sample of positions: an exhaustive pass over 100 048 bytes
    // would make ~100k libsodium calls on 100 KB each, tens of seconds for no extra coverage of the code
    // paths (every block position and both ends are still hit).
    private static final int EXHAUSTIVE_TAMPER_LIMIT = 1000;

    private static Libsodium sodium;

    private final SplittableRandom random = new SplittableRandom(0x5ea1ed);
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

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("lengths")
    void libsodiumOpensWhatWeSeal(int length) {
        byte[] message = randomBytes(length);
        byte[] sealed = SealedBox.seal(message, recipientPublic);
        assertEquals(48 + length, sealed.length);
        assertArrayEquals(message, open(sealed), "crypto_box_seal_open must return the original bytes");
    }

    /**
     * With the ephemeral key fixed, our output equals libsodium's own construction byte for byte:
     * {@code epk || crypto_box_easy(m, crypto_generichash_24(epk || pk), pk, esk)}.
     */
    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("lengths")
    void byteForByteEqualToLibsodiumForAFixedEphemeralKey(int length) {
        byte[] ephemeralPublic = new byte[32];
        byte[] ephemeralSecret = new byte[32];
        assertEquals(0, sodium.crypto_box_keypair(ephemeralPublic, ephemeralSecret));
        byte[] message = randomBytes(length);

        byte[] nonceInput = new byte[64];
        System.arraycopy(ephemeralPublic, 0, nonceInput, 0, 32);
        System.arraycopy(recipientPublic, 0, nonceInput, 32, 32);
        byte[] nonce = new byte[24];
        assertEquals(0, sodium.crypto_generichash(nonce, 24, nonceInput, 64, null, 0));
        byte[] expected = new byte[48 + length];
        System.arraycopy(ephemeralPublic, 0, expected, 0, 32);
        byte[] box = new byte[16 + length];
        assertEquals(0, sodium.crypto_box_easy(box, message, length, nonce, recipientPublic, ephemeralSecret));
        System.arraycopy(box, 0, expected, 32, box.length);

        assertArrayEquals(expected, SealedBox.sealWithEphemeralKey(message, recipientPublic, ephemeralSecret));
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("lengths")
    void flippingAnySingleByteMakesOpenFail(int length) {
        byte[] sealed = SealedBox.seal(randomBytes(length), recipientPublic);
        byte[] plain = new byte[length];
        int checked = 0;
        for (int position = 0; position < sealed.length; position = nextTamperPosition(position, sealed.length)) {
            byte[] tampered = sealed.clone();
            // Cycle through all eight bits, so bit 7 of the key's last byte (ignored by X25519 itself)
            // is among the flips: it must still fail, because the nonce hashes the key bytes.
            tampered[position] ^= (byte) (1 << (position % 8));
            assertEquals(-1, sodium.crypto_box_seal_open(plain, tampered, tampered.length, recipientPublic,
                    recipientSecret), "flip at byte " + position + " of " + sealed.length + " was accepted");
            checked++;
        }
        if (sealed.length <= EXHAUSTIVE_TAMPER_LIMIT + 48) {
            assertEquals(sealed.length, checked);
        }
        assertEquals(0, sodium.crypto_box_seal_open(plain, sealed, sealed.length, recipientPublic,
                recipientSecret), "the untampered box must still open");
    }

    @Test
    void truncatedOrForeignBoxesDoNotOpen() {
        byte[] sealed = SealedBox.seal(randomBytes(100), recipientPublic);
        byte[] plain = new byte[100];
        assertEquals(-1, sodium.crypto_box_seal_open(plain, sealed, sealed.length - 1, recipientPublic,
                recipientSecret));
        byte[] otherPublic = new byte[32];
        byte[] otherSecret = new byte[32];
        assertEquals(0, sodium.crypto_box_keypair(otherPublic, otherSecret));
        assertEquals(-1, sodium.crypto_box_seal_open(plain, sealed, sealed.length, otherPublic, otherSecret));
    }

    @Test
    void sealingTheSameMessageTwiceGivesDifferentOutputs() {
        byte[] message = randomBytes(64);
        byte[] first = SealedBox.seal(message, recipientPublic);
        byte[] second = SealedBox.seal(message, recipientPublic);
        assertFalse(Arrays.equals(first, second));
        assertNotEquals(Arrays.toString(Arrays.copyOf(first, 32)), Arrays.toString(Arrays.copyOf(second, 32)),
                "fresh ephemeral public key expected");
        assertArrayEquals(message, open(first));
        assertArrayEquals(message, open(second));
    }

    /** A withdrawal-sized payload (10 KB of JSON-like text); correctness only, no timing assertion. */
    @Test
    void sealsATenKilobytePayload() {
        byte[] payload = new byte[10 * 1024];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (' ' + random.nextInt(95));
        }
        byte[] sealed = SealedBox.seal(payload, recipientPublic);
        assertEquals(payload.length + 48, sealed.length);
        assertArrayEquals(payload, open(sealed));
    }

    static IntStream lengths() {
        return IntStream.of(LENGTHS);
    }

    private byte[] open(byte[] sealed) {
        byte[] plain = new byte[sealed.length - 48];
        int rc = sodium.crypto_box_seal_open(plain, sealed, sealed.length, recipientPublic, recipientSecret);
        assertEquals(0, rc, "crypto_box_seal_open rejected our sealed box");
        return plain;
    }

    private byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /**
     * Every position for small boxes; for large ones every byte of the key, tag and first and last
     * 256 bytes of ciphertext, and a stride of 97 (prime, so it walks through all block offsets) between.
     */
    private static int nextTamperPosition(int position, int length) {
        if (length <= EXHAUSTIVE_TAMPER_LIMIT + 48 || position < 48 + 256 || position >= length - 256) {
            return position + 1;
        }
        return Math.min(position + 97, length - 256);
    }
}
