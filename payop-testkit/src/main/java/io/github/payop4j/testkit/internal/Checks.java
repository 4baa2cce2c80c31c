package io.github.payop4j.testkit.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/** The builder's argument checks and generated test credentials, kept out of the public class. */
public final class Checks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Checks() {
    }

    public static URI ipnUrl(URI value) {
        Objects.requireNonNull(value, "ipnUrl");
        if (!"http".equalsIgnoreCase(value.getScheme()) || value.getHost() == null) {
            throw new IllegalArgumentException("The IPN URL must be an absolute http URL (the emulator sends"
                    + " plain HTTP from a loopback address), got " + value);
        }
        return value;
    }

    public static Duration nonNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive");
        }
        return value;
    }

    public static String credential(String value, String name) {
        if (value == null || value.isBlank() || !value.matches("[\\x21-\\x7e]+")) {
            throw new IllegalArgumentException(name + " must be printable ASCII without spaces");
        }
        return value;
    }

    public static String loopback(String value) {
        if (value == null || !value.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException("The IPN source must be a loopback address 127.x.y.z, got " + value);
        }
        return value;
    }

    /** Random hex, for credentials that differ per emulator. */
    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A fresh X25519 secret key: the private half of the project's payout certificate. */
    public static byte[] newPayoutKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }
}
