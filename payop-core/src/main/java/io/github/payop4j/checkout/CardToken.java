package io.github.payop4j.checkout;

import java.time.Instant;

/**
 * A short-lived token standing for a card. It can be charged, so {@link #toString()} hides it.
 *
 * @param token pass as {@code cardToken} when creating the checkout transaction
 * @param expiresAt when the token stops working, or {@code null} if Payop did not say
 */
public record CardToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "CardToken[token=***, expiresAt=" + expiresAt + "]";
    }
}
