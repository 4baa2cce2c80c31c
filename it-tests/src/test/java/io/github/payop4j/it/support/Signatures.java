package io.github.payop4j.it.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Payop's invoice signature, computed here independently of payop-core. */
public final class Signatures {

    private Signatures() {
    }

    /** SHA-256 of {@code amount:currency:orderId:secretKey}, lower-case hex, as Payop documents it. */
    public static String invoice(String amount, String currency, String orderId, String secretKey) {
        try {
            String signed = amount + ":" + currency + ":" + orderId + ":" + secretKey;
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
