package io.github.payop4j.internal.http;

import io.github.payop4j.internal.json.JsonCodec;
import io.github.payop4j.internal.json.JsonFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * What is known about the JWT token's health: its {@code exp} claim, read once from the token's
 * payload (the signature is Payop's business; the token itself is never logged or kept here), and
 * whether the API refused it lately (HTTP 401). A later accepted authenticated call clears a
 * refusal: the shop may have replaced the token on Payop's side, or the refusal was transient.
 */
public final class TokenWatch {

    private static final System.Logger LOG = System.getLogger("io.github.payop4j.http");

    private final Instant expiresAt;
    private final Clock clock;
    private volatile Instant refusedAt;

    private TokenWatch(Instant expiresAt, Clock clock) {
        this.expiresAt = expiresAt;
        this.clock = clock;
    }

    /** Reads {@code exp} from {@code token}'s payload; a token that is not a readable JWT has none. */
    public static TokenWatch of(String token, JsonCodec json, Clock clock) {
        return new TokenWatch(token == null ? null : expiry(token, json), clock);
    }

    /** The {@code exp} claim of {@code token}, when it is a JWT that has one. */
    public static Optional<Instant> expiresAt(String token) {
        try {
            return Optional.ofNullable(expiry(token, new JsonCodec()));
        } catch (RuntimeException e) { // no JSON-P implementation: nothing to read it with
            return Optional.empty();
        }
    }

    /** The {@code exp} claim, when the token is a JWT that has one. */
    static Instant expiry(String token, JsonCodec json) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[1].length() > 8192) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(stripPadding(parts[1]));
            JsonValue claims = json.parse(payload);
            if (!(claims instanceof JsonObject o)) {
                return null;
            }
            Instant exp = JsonFields.epochSeconds(o, "exp"); // a number or a string of digits
            return exp == null || exp.getEpochSecond() <= 0 ? null : exp;
        } catch (RuntimeException e) { // not Base64url, not JSON: an opaque token, not an error
            return null;
        }
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** Why the token cannot be used now, or empty: expired, or refused by the API since its last success. */
    public Optional<String> problem() {
        Instant refused = refusedAt;
        if (refused != null) {
            return Optional.of("the Payop API refused the JWT token (HTTP 401) at " + refused
                    + "; create a new token in the Payop dashboard and set payop.jwt-token");
        }
        return expired(expiresAt, clock.instant());
    }

    /** The problem of a token with this expiry at {@code now}: expired, or empty (also without an expiry). */
    public static Optional<String> expired(Instant expiresAt, Instant now) {
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Optional.of("the JWT token expired at " + expiresAt + "; create a new token in the Payop dashboard"
                    + " and set payop.jwt-token");
        }
        return Optional.empty();
    }

    /** The answer to an authenticated call: 401 marks the token refused, a success clears that. */
    void observe(int status) {
        if (status == 401) {
            if (refusedAt == null) {
                LOG.log(System.Logger.Level.ERROR, "PAYOP-HTTP-002 The Payop API refused the JWT token (HTTP 401)"
                        + (expiresAt != null && !clock.instant().isBefore(expiresAt) ? "; it expired at " + expiresAt
                        : "") + ". IPN confirmation, transactions, refunds and payouts fail until a new token from"
                        + " the Payop dashboard is set in payop.jwt-token.");
            }
            refusedAt = clock.instant();
        } else if (status >= 200 && status < 300 && refusedAt != null) {
            refusedAt = null;
            LOG.log(System.Logger.Level.INFO, "PAYOP-HTTP-003 The Payop API accepts the JWT token again.");
        }
    }
}
