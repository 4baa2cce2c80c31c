package io.github.payop4j.testkit.internal.state;

/**
 * What the emulator keeps of a tokenized card: never the full number or the CVV, only what Payop
 * shows back (BIN, last digits, holder) and the outcome the test card stands for.
 */
public record CardOnFile(String invoiceId, String bin, String lastDigits, String holderName, Outcome outcome,
        long expiresAt) {

    public enum Outcome { SUCCESS, SUCCESS_IPN_LOST, THREE_D_SECURE, DECLINED, INSUFFICIENT_FUNDS }
}
