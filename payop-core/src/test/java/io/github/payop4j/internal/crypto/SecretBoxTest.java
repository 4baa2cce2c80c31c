package io.github.payop4j.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final HexFormat HEX = HexFormat.of();

    // NaCl tests/secretbox.c (also libsodium test/default/secretbox.c): firstkey, nonce, the 131-byte
    // message and the 147-byte tag || ciphertext, as in "Cryptography in NaCl" section 10.
    static final byte[] FIRST_KEY =
            HEX.parseHex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    static final byte[] NONCE = HEX.parseHex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
    static final byte[] MESSAGE = HEX.parseHex(
            "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffc"
                    + "e5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb31"
                    + "0e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
                    + "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f93776384864"
                    + "5e0705");
    static final byte[] BOXED = HEX.parseHex(
            "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce"
                    + "48332ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c972"
                    + "71d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae"
                    + "90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b3"
                    + "7973f622a43d14a6599b1f654cb45a74e355a5");

    private static Libsodium sodium;

    @BeforeAll
    static void loadLibsodium() {
        sodium = Libsodium.loadOrFail();
    }

    @Test
    void naclSecretboxVector() {
        assertEquals(131, MESSAGE.length);
        assertArrayEquals(BOXED, SecretBox.seal(MESSAGE, NONCE, FIRST_KEY));
    }

    @Test
    void naclSecretboxVectorAlsoHoldsForLibsodium() {
        byte[] out = new byte[BOXED.length];
        assertEquals(0, sodium.crypto_secretbox_easy(out, MESSAGE, MESSAGE.length, NONCE, FIRST_KEY));
        assertArrayEquals(BOXED, out);
    }

    /** Lengths around the 32-byte head that shares keystream block 0 with the Poly1305 key. */
    @Test
    void matchesLibsodiumSecretboxEasy() {
        SplittableRandom random = new SplittableRandom(1305);
        int[] lengths = {0, 1, 31, 32, 33, 63, 64, 65, 95, 96, 97, 128, 1000, 4096 + 3};
        for (int length : lengths) {
            byte[] key = new byte[32];
            byte[] nonce = new byte[24];
            byte[] message = new byte[length];
            random.nextBytes(key);
            random.nextBytes(nonce);
            random.nextBytes(message);
            byte[] expected = new byte[16 + length];
            assertEquals(0, sodium.crypto_secretbox_easy(expected, message, length, nonce, key));
            assertArrayEquals(expected, SecretBox.seal(message, nonce, key), "length " + length);
        }
    }

    @Test
    void writesAtOffset() {
        byte[] out = new byte[7 + BOXED.length];
        SecretBox.seal(out, 7, MESSAGE, NONCE, FIRST_KEY);
        assertArrayEquals(BOXED, Arrays.copyOfRange(out, 7, out.length));
    }

    @Test
    void rejectsWrongNonceAndKeyLengths() {
        assertThrows(IllegalArgumentException.class, () -> SecretBox.seal(MESSAGE, new byte[23], FIRST_KEY));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.seal(MESSAGE, NONCE, new byte[16]));
    }
}
