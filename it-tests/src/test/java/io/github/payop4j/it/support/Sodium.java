package io.github.payop4j.it.support;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;

/** The system libsodium (Debian's libsodium23, installed by .ci/run), to open what the server sealed. */
public final class Sodium {

    interface Lib extends Library {
        int sodium_init();

        int crypto_box_keypair(byte[] pk, byte[] sk);

        int crypto_box_seal_open(byte[] m, byte[] c, long clen, byte[] pk, byte[] sk);
    }

    private final Lib lib;
    private final byte[] publicKey = new byte[32];
    private final byte[] secretKey = new byte[32];

    private Sodium(Lib lib) {
        this.lib = lib;
        lib.crypto_box_keypair(publicKey, secretKey);
    }

    /** A fresh X25519 key pair, as Payop holds one for each merchant certificate. */
    public static Sodium newKeyPair() {
        Lib lib;
        try {
            lib = Native.load("sodium", Lib.class);
        } catch (UnsatisfiedLinkError e) {
            lib = Native.load("/usr/lib/x86_64-linux-gnu/libsodium.so.23", Lib.class);
        }
        if (lib.sodium_init() < 0) {
            throw new IllegalStateException("libsodium failed to initialise");
        }
        return new Sodium(lib);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Opens a sealed box addressed to this key pair, failing if it is not one. */
    public String open(byte[] sealed) {
        byte[] plain = new byte[sealed.length - 48];
        if (lib.crypto_box_seal_open(plain, sealed, sealed.length, publicKey, secretKey) != 0) {
            throw new AssertionError("libsodium could not open the sealed box");
        }
        return new String(plain, StandardCharsets.UTF_8);
    }
}
