package io.github.payop4j.internal.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.KeyAgreement;
import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;

/**
 * Anonymous public-key encryption compatible with libsodium's {@code crypto_box_seal}, which Payop
 * requires for withdrawal payloads.
 *
 * <p>Output layout: {@code ephemeral_pk(32) || crypto_box_easy(message, nonce, recipient_pk,
 * ephemeral_sk)} with {@code nonce = BLAKE2b-192(ephemeral_pk || recipient_pk)}. Only the holder of the
 * recipient's secret key can open it ({@code crypto_box_seal_open}); the sender cannot, because the
 * ephemeral secret key is discarded.
 *
 * <p>X25519 comes from the JDK (Java 11+); everything NaCl-specific on top of it is implemented in this
 * package so that production code needs no native library.
 */
public final class SealedBox {

    /** Length of an X25519 public key, in bytes. */
    public static final int PUBLIC_KEY_BYTES = 32;
    /** Bytes a sealed box adds to its message: the ephemeral public key and the Poly1305 tag. */
    public static final int SEAL_BYTES = PUBLIC_KEY_BYTES + SecretBox.MAC_BYTES;

    private static final int SECRET_KEY_BYTES = 32;
    private static final String X25519 = "X25519";
    // The X25519 base point, u = 9: agreeing with it turns a secret scalar into its public key.
    private static final BigInteger BASE_POINT_U = BigInteger.valueOf(9);
    // crypto_box_beforenm hashes the raw shared secret with HSalsa20 over an all-zero input, because a raw
    // X25519 output is not uniformly random and must not be used as a key directly.
    private static final byte[] BEFORENM_INPUT = new byte[Salsa20.HSALSA20_INPUT_BYTES];

    private SealedBox() {
    }

    /**
     * Encrypts {@code message} to {@code recipientPublicKey} as libsodium's {@code crypto_box_seal} does,
     * using a fresh ephemeral X25519 key pair, so sealing the same message twice gives different outputs.
     *
     * @param message the plaintext, possibly empty; not modified
     * @param recipientPublicKey the recipient's raw X25519 public key: exactly 32 bytes, the little-endian
     *     u-coordinate, as {@code crypto_box_keypair} produces it (Payop's "certificate" file)
     * @return a new array of {@code 48 + message.length} bytes that {@code crypto_box_seal_open} accepts
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code recipientPublicKey} is not 32 bytes long, or is a
     *     low-order point that would make the shared secret all zeros
     */
    public static byte[] seal(byte[] message, byte[] recipientPublicKey) {
        return seal(message, recipientPublicKey, new SecureRandom());
    }

    /**
     * Like {@link #seal(byte[], byte[])} with the ephemeral key pair drawn from {@code random}, for tests
     * that need a reproducible ephemeral key.
     */
    static byte[] seal(byte[] message, byte[] recipientPublicKey, SecureRandom random) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(random, "random");
        byte[] recipient = checkedPublicKey(recipientPublicKey);
        KeyPair ephemeral;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(X25519);
            generator.initialize(NamedParameterSpec.X25519, random);
            ephemeral = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is unavailable in this JDK", e);
        }
        try {
            byte[] ephemeralPublic = encodeU(((XECPublicKey) ephemeral.getPublic()).getU());
            return seal(message, recipient, ephemeral.getPrivate(), ephemeralPublic);
        } finally {
            tryDestroy(ephemeral.getPrivate());
        }
    }

    /**
     * Like {@link #seal(byte[], byte[])} with a caller-chosen 32-byte ephemeral secret key, so a test can
     * compare the output byte for byte with libsodium's {@code crypto_box_easy}. Never for production:
     * reusing an ephemeral key for two messages to the same recipient reuses the nonce.
     */
    static byte[] sealWithEphemeralKey(byte[] message, byte[] recipientPublicKey, byte[] ephemeralSecretKey) {
        Objects.requireNonNull(message, "message");
        byte[] recipient = checkedPublicKey(recipientPublicKey);
        PrivateKey secret = privateKey(ephemeralSecretKey);
        try {
            byte[] ephemeralPublic = x25519(secret, BASE_POINT_U);
            return seal(message, recipient, secret, ephemeralPublic);
        } finally {
            tryDestroy(secret);
        }
    }

    /**
     * Opens a box made by {@link #seal(byte[], byte[])} or libsodium's {@code crypto_box_seal}, as
     * {@code crypto_box_seal_open} does. Payop does this on its side; payop-testkit's emulator does it
     * to play Payop, which is why this is exported to that module only.
     *
     * @param sealed {@code ephemeral_pk(32) || tag(16) || ciphertext}
     * @param recipientSecretKey the recipient's raw 32-byte X25519 secret key
     * @return the plaintext
     * @throws IllegalArgumentException if the box is too short, was sealed to another key or was altered
     */
    public static byte[] open(byte[] sealed, byte[] recipientSecretKey) {
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < SEAL_BYTES) {
            throw new IllegalArgumentException("a sealed box has at least " + SEAL_BYTES + " bytes, got "
                    + sealed.length);
        }
        PrivateKey secret = privateKey(recipientSecretKey);
        byte[] shared = null;
        byte[] key = null;
        try {
            byte[] recipient = x25519(secret, BASE_POINT_U);
            byte[] ephemeralPublic = Arrays.copyOf(sealed, PUBLIC_KEY_BYTES);
            byte[] nonceInput = new byte[2 * PUBLIC_KEY_BYTES];
            System.arraycopy(ephemeralPublic, 0, nonceInput, 0, PUBLIC_KEY_BYTES);
            System.arraycopy(recipient, 0, nonceInput, PUBLIC_KEY_BYTES, PUBLIC_KEY_BYTES);
            byte[] nonce = Blake2b.digest(nonceInput, SecretBox.NONCE_BYTES);
            shared = x25519(secret, decodeU(ephemeralPublic));
            key = Salsa20.hsalsa20(shared, BEFORENM_INPUT, 0);
            byte[] message = SecretBox.open(sealed, PUBLIC_KEY_BYTES, sealed.length - PUBLIC_KEY_BYTES, nonce, key);
            if (message == null) {
                throw new IllegalArgumentException("the sealed box does not open with this key: it was sealed to"
                        + " another public key, or altered");
            }
            return message;
        } finally {
            if (shared != null) {
                Arrays.fill(shared, (byte) 0);
            }
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
            tryDestroy(secret);
        }
    }

    /** The X25519 public key of a raw 32-byte secret key, as {@code crypto_scalarmult_base} computes it. */
    public static byte[] publicKeyOf(byte[] secretKey) {
        PrivateKey secret = privateKey(secretKey);
        try {
            return x25519(secret, BASE_POINT_U);
        } finally {
            tryDestroy(secret);
        }
    }

    /**
     * libsodium's {@code crypto_box_easy(message, nonce, recipientPublicKey, senderSecretKey)}, exposed to
     * tests so the X25519 plumbing can be checked against NaCl's published box vector.
     */
    static byte[] boxEasy(byte[] message, byte[] nonce, byte[] recipientPublicKey, byte[] senderSecretKey) {
        Objects.requireNonNull(message, "message");
        byte[] recipient = checkedPublicKey(recipientPublicKey);
        PrivateKey secret = privateKey(senderSecretKey);
        try {
            byte[] out = new byte[SecretBox.MAC_BYTES + message.length];
            box(out, 0, message, nonce, recipient, secret);
            return out;
        } finally {
            tryDestroy(secret);
        }
    }

    private static byte[] seal(byte[] message, byte[] recipient, PrivateKey ephemeralSecret,
            byte[] ephemeralPublic) {
        // The nonce binds both public keys; it can be deterministic because the ephemeral key is fresh.
        byte[] nonceInput = new byte[2 * PUBLIC_KEY_BYTES];
        System.arraycopy(ephemeralPublic, 0, nonceInput, 0, PUBLIC_KEY_BYTES);
        System.arraycopy(recipient, 0, nonceInput, PUBLIC_KEY_BYTES, PUBLIC_KEY_BYTES);
        byte[] nonce = Blake2b.digest(nonceInput, SecretBox.NONCE_BYTES);

        byte[] out = new byte[SEAL_BYTES + message.length];
        System.arraycopy(ephemeralPublic, 0, out, 0, PUBLIC_KEY_BYTES);
        box(out, PUBLIC_KEY_BYTES, message, nonce, recipient, ephemeralSecret);
        return out;
    }

    /** {@code crypto_box_easy}: X25519, then HSalsa20 ({@code crypto_box_beforenm}), then a secretbox. */
    private static void box(byte[] out, int outOffset, byte[] message, byte[] nonce, byte[] recipient,
            PrivateKey senderSecret) {
        byte[] shared = x25519(senderSecret, decodeU(recipient));
        byte[] key = null;
        try {
            key = Salsa20.hsalsa20(shared, BEFORENM_INPUT, 0);
            SecretBox.seal(out, outOffset, message, nonce, key);
        } finally {
            Arrays.fill(shared, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static byte[] x25519(PrivateKey secret, BigInteger u) {
        try {
            PublicKey point = KeyFactory.getInstance(X25519)
                    .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
            KeyAgreement agreement = KeyAgreement.getInstance(X25519);
            agreement.init(secret);
            agreement.doPhase(point, true);
            return agreement.generateSecret();
        } catch (InvalidKeyException e) {
            // The JDK refuses an all-zero result, as libsodium does: the point has small order and the
            // "shared secret" would be known to everyone.
            throw new IllegalArgumentException(
                    "recipient public key is not usable for X25519 (low-order point): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is unavailable in this JDK", e);
        }
    }

    private static PrivateKey privateKey(byte[] scalar) {
        Objects.requireNonNull(scalar, "secret key");
        if (scalar.length != SECRET_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "X25519 secret key must be " + SECRET_KEY_BYTES + " bytes, got " + scalar.length);
        }
        try {
            // The JDK clamps the scalar itself, exactly as libsodium's crypto_scalarmult does.
            return KeyFactory.getInstance(X25519)
                    .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is unavailable in this JDK", e);
        }
    }

    private static byte[] checkedPublicKey(byte[] publicKey) {
        Objects.requireNonNull(publicKey, "recipientPublicKey");
        if (publicKey.length != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("recipient public key must be exactly " + PUBLIC_KEY_BYTES
                    + " bytes (a raw X25519 key, as in Payop's certificate file), got " + publicKey.length);
        }
        // A private copy, so a caller mutating its array mid-call cannot make the hashed key and the
        // agreed key differ.
        return publicKey.clone();
    }

    /**
     * Raw little-endian key to u-coordinate. RFC 7748 section 5 says to ignore bit 255; libsodium does the
     * same, and the JDK would otherwise reduce it modulo p instead, giving a different point.
     */
    static BigInteger decodeU(byte[] littleEndian) {
        byte[] bigEndian = new byte[PUBLIC_KEY_BYTES];
        for (int i = 0; i < PUBLIC_KEY_BYTES; i++) {
            bigEndian[i] = littleEndian[PUBLIC_KEY_BYTES - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        return new BigInteger(1, bigEndian);
    }

    /** {@link XECPublicKey#getU()} to the 32-byte little-endian form libsodium uses. */
    static byte[] encodeU(BigInteger u) {
        if (u.signum() < 0 || u.bitLength() > 255) {
            throw new IllegalStateException("X25519 u-coordinate out of range");
        }
        // toByteArray is big-endian and minimal, with a leading zero byte only when bit 255 would be set.
        byte[] bigEndian = u.toByteArray();
        byte[] littleEndian = new byte[PUBLIC_KEY_BYTES];
        for (int i = 0; i < bigEndian.length && i < PUBLIC_KEY_BYTES; i++) {
            littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return littleEndian;
    }

    /**
     * The JDK 17 XDH private key cannot be destroyed (it throws) and its scalar cannot be reached, so this
     * is best effort: it wipes the key on JDKs that implement {@link Destroyable#destroy()}.
     */
    private static void tryDestroy(Destroyable key) {
        if (key == null || key.isDestroyed()) {
            return;
        }
        try {
            key.destroy();
        } catch (DestroyFailedException e) {
            // Nothing more can be done from outside the provider; the key becomes garbage right after.
        }
    }
}
