package io.github.payop4j.withdrawal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The merchant's X25519 public key from the Payop dashboard (Settings, Certificates), to which
 * withdrawal payloads are sealed. It is a public key: safe to log, useless to an attacker.
 */
public final class WithdrawalCertificate {

    private final byte[] key;

    private WithdrawalCertificate(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A Payop withdrawal certificate is a 32-byte X25519 public key;"
                    + " got " + key.length + " bytes. Use the x25519.pub file from Settings > Certificates.");
        }
        this.key = key.clone();
    }

    /** The 32 raw key bytes. */
    public static WithdrawalCertificate fromBytes(byte[] key) {
        return new WithdrawalCertificate(Objects.requireNonNull(key, "certificate"));
    }

    /** The key in Base64, as some Payop examples show it. */
    public static WithdrawalCertificate fromBase64(String base64) {
        Objects.requireNonNull(base64, "certificate");
        try {
            return new WithdrawalCertificate(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The withdrawal certificate is neither 32 raw bytes nor valid Base64", e);
        }
    }

    /** The downloaded {@code x25519.pub} file: 32 raw bytes, or the same in Base64 text. */
    public static WithdrawalCertificate fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the withdrawal certificate " + file, e);
        }
        return bytes.length == 32 ? fromBytes(bytes) : fromBase64(new String(bytes, StandardCharsets.US_ASCII));
    }

    /** A copy of the key bytes. */
    public byte[] publicKey() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WithdrawalCertificate c && Arrays.equals(c.key, key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WithdrawalCertificate[" + Base64.getEncoder().encodeToString(key) + "]";
    }
}
