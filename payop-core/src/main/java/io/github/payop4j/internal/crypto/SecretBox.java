package io.github.payop4j.internal.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * XSalsa20-Poly1305 authenticated encryption in libsodium's "easy" layout, {@code crypto_secretbox_easy}:
 * the output is {@code tag(16) || ciphertext}.
 *
 * <p>The first 32 bytes of XSalsa20 keystream block 0 become the Poly1305 key and the message is encrypted
 * with the keystream from byte 32 on. That is NaCl's original "32 zero bytes in front of the message"
 * convention, reproduced without copying the message.
 */
final class SecretBox {

    /** Key length, in bytes. */
    static final int KEY_BYTES = Salsa20.KEY_BYTES;
    /** Nonce length, in bytes. */
    static final int NONCE_BYTES = Salsa20.XSALSA20_NONCE_BYTES;
    /** Bytes added to the message: the Poly1305 tag. */
    static final int MAC_BYTES = Poly1305.TAG_BYTES;

    // Keystream bytes of block 0 spent on the Poly1305 key before encryption starts.
    private static final int OTK_BYTES = Poly1305.KEY_BYTES;

    private SecretBox() {
    }

    /**
     * Encrypts and authenticates {@code message}, writing {@code 16 + message.length} bytes to
     * {@code out} from {@code outOffset}, byte for byte what {@code crypto_secretbox_easy} produces.
     *
     * @param out destination array; must not overlap {@code message}
     * @param outOffset where the tag starts in {@code out}
     * @param message the plaintext, possibly empty
     * @param nonce a 24-byte nonce that must never repeat under the same key
     * @param key a 32-byte key
     */
    static void seal(byte[] out, int outOffset, byte[] message, byte[] nonce, byte[] key) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes, got " + nonce.length);
        }
        Objects.checkFromIndexSize(outOffset, MAC_BYTES + message.length, out.length);
        int length = message.length;
        int ciphertextOffset = outOffset + MAC_BYTES;

        byte[] subkey = Salsa20.hsalsa20(key, nonce, 0);
        byte[] block0 = new byte[Salsa20.BLOCK_BYTES];
        byte[] oneTimeKey = null;
        try {
            Salsa20.streamXor(block0, 0, block0, 0, block0.length, nonce, Salsa20.HSALSA20_INPUT_BYTES, 0L,
                    subkey);
            oneTimeKey = Arrays.copyOf(block0, OTK_BYTES);
            int head = Math.min(length, Salsa20.BLOCK_BYTES - OTK_BYTES);
            for (int i = 0; i < head; i++) {
                out[ciphertextOffset + i] = (byte) (message[i] ^ block0[OTK_BYTES + i]);
            }
            if (length > head) {
                Salsa20.streamXor(out, ciphertextOffset + head, message, head, length - head,
                        nonce, Salsa20.HSALSA20_INPUT_BYTES, 1L, subkey);
            }
            // Encrypt-then-MAC: the tag covers the ciphertext, never the plaintext.
            Poly1305.mac(oneTimeKey, out, ciphertextOffset, length, out, outOffset);
        } finally {
            Arrays.fill(subkey, (byte) 0);
            Arrays.fill(block0, (byte) 0);
            if (oneTimeKey != null) {
                Arrays.fill(oneTimeKey, (byte) 0);
            }
        }
    }

    /**
     * Convenience form of {@link #seal(byte[], int, byte[], byte[], byte[])} returning a new array.
     *
     * @param message the plaintext, possibly empty
     * @param nonce a 24-byte nonce
     * @param key a 32-byte key
     * @return {@code tag || ciphertext}, {@code 16 + message.length} bytes
     */
    static byte[] seal(byte[] message, byte[] nonce, byte[] key) {
        byte[] out = new byte[MAC_BYTES + message.length];
        seal(out, 0, message, nonce, key);
        return out;
    }

    /**
     * Verifies and decrypts {@code tag || ciphertext} as {@code crypto_secretbox_open_easy} does.
     *
     * @return the plaintext, or {@code null} when the tag does not match (wrong key, nonce or bytes)
     */
    static byte[] open(byte[] boxed, int offset, int length, byte[] nonce, byte[] key) {
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes, got " + nonce.length);
        }
        if (length < MAC_BYTES) {
            return null;
        }
        Objects.checkFromIndexSize(offset, length, boxed.length);
        int ciphertextOffset = offset + MAC_BYTES;
        int messageLength = length - MAC_BYTES;
        byte[] subkey = Salsa20.hsalsa20(key, nonce, 0);
        byte[] block0 = new byte[Salsa20.BLOCK_BYTES];
        byte[] oneTimeKey = null;
        byte[] tag = new byte[MAC_BYTES];
        try {
            Salsa20.streamXor(block0, 0, block0, 0, block0.length, nonce, Salsa20.HSALSA20_INPUT_BYTES, 0L,
                    subkey);
            oneTimeKey = Arrays.copyOf(block0, OTK_BYTES);
            // Verify before decrypting anything, and in constant time: a forged box learns nothing.
            Poly1305.mac(oneTimeKey, boxed, ciphertextOffset, messageLength, tag, 0);
            if (!MessageDigest.isEqual(tag, Arrays.copyOfRange(boxed, offset, ciphertextOffset))) {
                return null;
            }
            byte[] message = new byte[messageLength];
            int head = Math.min(messageLength, Salsa20.BLOCK_BYTES - OTK_BYTES);
            for (int i = 0; i < head; i++) {
                message[i] = (byte) (boxed[ciphertextOffset + i] ^ block0[OTK_BYTES + i]);
            }
            if (messageLength > head) {
                Salsa20.streamXor(message, head, boxed, ciphertextOffset + head, messageLength - head,
                        nonce, Salsa20.HSALSA20_INPUT_BYTES, 1L, subkey);
            }
            return message;
        } finally {
            Arrays.fill(subkey, (byte) 0);
            Arrays.fill(block0, (byte) 0);
            if (oneTimeKey != null) {
                Arrays.fill(oneTimeKey, (byte) 0);
            }
        }
    }
}
