package io.github.payop4j.checkout;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Card data for tokenisation (server-to-server integration, PCI DSS merchants only).
 *
 * <p>{@link #toString()} shows only the last four digits; the CVV never appears. Do not store
 * instances: tokenise and drop them.
 *
 * @param pan the card number, digits only (spaces and dashes are removed)
 * @param expirationDate {@code MM/YY}
 * @param cvv 3 or 4 digits
 * @param holderName as printed on the card
 */
public record Card(String pan, String expirationDate, String cvv, String holderName) {

    // Compiled once: String.matches and replaceAll compile their pattern on every call.
    private static final Pattern SEPARATORS = Pattern.compile("[ -]");
    private static final Pattern PAN = Pattern.compile("[0-9]{12,19}");
    private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])/[0-9]{2}");
    private static final Pattern CVV = Pattern.compile("[0-9]{3,4}");

    public Card {
        Objects.requireNonNull(pan, "card number");
        Objects.requireNonNull(expirationDate, "expiration date");
        Objects.requireNonNull(cvv, "cvv");
        Objects.requireNonNull(holderName, "holder name");
        pan = SEPARATORS.matcher(pan).replaceAll("");
        if (!PAN.matcher(pan).matches()) {
            throw new IllegalArgumentException("Invalid card number: it must be 12 to 19 digits");
        }
        if (!passesLuhn(pan)) {
            throw new IllegalArgumentException("Invalid card number: the check digit is wrong; ask the payer to"
                    + " correct the number");
        }
        if (!EXPIRY.matcher(expirationDate).matches()) {
            throw new IllegalArgumentException("Invalid card expiration date: use MM/YY, for example 12/28");
        }
        if (!CVV.matcher(cvv).matches()) {
            throw new IllegalArgumentException("Invalid CVV: it must be 3 or 4 digits");
        }
        if (holderName.isBlank()) {
            throw new IllegalArgumentException("Card holder name must not be blank");
        }
    }

    /**
     * The Luhn (mod 10) check every payment card number passes: catches a mistyped digit before
     * a request, and tells card numbers from other long digit runs when masking text.
     */
    public static boolean passesLuhn(String digits) {
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The card number with all but the last four digits masked. */
    public String maskedPan() {
        return "*".repeat(pan.length() - 4) + pan.substring(pan.length() - 4);
    }

    @Override
    public String toString() {
        return "Card[pan=" + maskedPan() + ", expirationDate=**/**, cvv=***, holderName=" + holderName + "]";
    }
}
