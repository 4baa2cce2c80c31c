package io.github.payop4j.internal.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Payop's invoice signature: SHA-256 of {@code amount:currency:orderId:secretKey}, lower-case hex. */
public final class Signature {

    private Signature() {
    }

    /**
     * Signs exactly the given strings; the caller must send the very same amount, currency and
     * order id, because "2" and "2.00" sign differently.
     */
    public static String invoice(String amount, String currency, String orderId, String secretKey) {
        String payload = amount + ":" + currency + ":" + orderId + ":" + secretKey;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
