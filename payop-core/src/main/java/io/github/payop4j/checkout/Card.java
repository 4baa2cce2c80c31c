package io.github.payop4j.checkout;

import java.util.Objects;

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

    public Card {
        Objects.requireNonNull(pan, "card number");
        Objects.requireNonNull(expirationDate, "expiration date");
        Objects.requireNonNull(cvv, "cvv");
        Objects.requireNonNull(holderName, "holder name");
        pan = pan.replaceAll("[ -]", "");
        if (!pan.matches("[0-9]{12,19}")) {
            throw new IllegalArgumentException("Invalid card number: it must be 12 to 19 digits");
        }
        if (!expirationDate.matches("(0[1-9]|1[0-2])/[0-9]{2}")) {
            throw new IllegalArgumentException("Invalid card expiration date: use MM/YY, for example 12/28");
        }
        if (!cvv.matches("[0-9]{3,4}")) {
            throw new IllegalArgumentException("Invalid CVV: it must be 3 or 4 digits");
        }
        if (holderName.isBlank()) {
            throw new IllegalArgumentException("Card holder name must not be blank");
        }
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
