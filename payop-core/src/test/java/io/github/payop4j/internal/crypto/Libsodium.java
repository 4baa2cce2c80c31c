package io.github.payop4j.internal.crypto;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only JNA binding to the system libsodium, the reference the pure-Java code must match byte for
 * byte. Lengths are {@code long} because {@code size_t} and {@code unsigned long long} are 64 bits on
 * the LP64 platforms this runs on.
 */
public interface Libsodium extends Library {

    String MISSING = "libsodium is required for this test: apt-get install libsodium23";

    int sodium_init();

    int crypto_box_keypair(byte[] pk, byte[] sk);

    int crypto_box_easy(byte[] c, byte[] m, long mlen, byte[] n, byte[] pk, byte[] sk);

    int crypto_box_seal_open(byte[] m, byte[] c, long clen, byte[] pk, byte[] sk);

    int crypto_box_seal(byte[] c, byte[] m, long mlen, byte[] pk);

    int crypto_scalarmult_base(byte[] q, byte[] n);

    int crypto_generichash(byte[] out, long outlen, byte[] in, long inlen, byte[] key, long keylen);

    int crypto_onetimeauth(byte[] out, byte[] in, long inlen, byte[] k);

    int crypto_core_hsalsa20(byte[] out, byte[] in, byte[] k, byte[] c);

    int crypto_stream_salsa20_xor_ic(byte[] c, byte[] m, long mlen, byte[] n, long ic, byte[] k);

    int crypto_stream_xsalsa20_xor(byte[] c, byte[] m, long mlen, byte[] n, byte[] k);

    int crypto_secretbox_easy(byte[] c, byte[] m, long mlen, byte[] n, byte[] k);

    /**
     * Loads and initializes libsodium, failing the calling test (never skipping it) when that is
     * impossible: a compatibility test that silently skips proves nothing.
     */
    static Libsodium loadOrFail() {
        // JNA resolves "sodium" to the newest libsodium.so.N it finds on the default search path; the
        // explicit names cover JNA setups that do not, since libsodium23 ships no unversioned symlink.
        String[] candidates = {"sodium", "libsodium.so.23", "/usr/lib/x86_64-linux-gnu/libsodium.so.23"};
        List<String> errors = new ArrayList<>();
        for (String name : candidates) {
            try {
                Libsodium sodium = Native.load(name, Libsodium.class);
                if (sodium.sodium_init() < 0) {
                    fail(MISSING + " (sodium_init() failed for " + name + ")");
                }
                return sodium;
            } catch (UnsatisfiedLinkError e) {
                errors.add(name + ": " + e.getMessage());
            }
        }
        return fail(MISSING + " (tried " + String.join("; ", errors) + ")");
    }
}
