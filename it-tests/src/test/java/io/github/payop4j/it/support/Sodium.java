package io.github.payop4j.it.support;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;

/**
 * The system libsodium (Debian's libsodium23, installed by .ci/run): the reference implementation
 * of the sealed box, to open what the server sealed independently of payop-core's own code (which
 * the Payop emulator uses to open it too).
 */
public final class Sodium {

    interface Lib extends Library {
        int sodium_init();

        int crypto_box_seal_open(byte[] m, byte[] c, long clen, byte[] pk, byte[] sk);
    }

    private static final int SEAL_OVERHEAD = 48;

    private Sodium() {
    }

    /** Opens a sealed box addressed to this X25519 key pair, failing if it is not one. */
    public static String open(byte[] sealed, byte[] publicKey, byte[] secretKey) {
        if (sealed.length < SEAL_OVERHEAD) {
            throw new AssertionError("not a sealed box: " + sealed.length + " bytes");
        }
        byte[] plain = new byte[sealed.length - SEAL_OVERHEAD];
        if (lib().crypto_box_seal_open(plain, sealed, sealed.length, publicKey, secretKey) != 0) {
            throw new AssertionError("libsodium could not open the sealed box");
        }
        return new String(plain, StandardCharsets.UTF_8);
    }

    private static Lib lib() {
        Lib lib;
        try {
            lib = Native.load("sodium", Lib.class);
        } catch (UnsatisfiedLinkError e) {
            lib = Native.load("/usr/lib/x86_64-linux-gnu/libsodium.so.23", Lib.class);
        }
        if (lib.sodium_init() < 0) {
            throw new IllegalStateException("libsodium failed to initialise");
        }
        return lib;
    }
}
