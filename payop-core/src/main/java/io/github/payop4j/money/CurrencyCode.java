package io.github.payop4j.money;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO 4217 alphabetic currency code such as {@code EUR}, checked against the JDK's list of
 * ISO currencies before any request leaves the client.
 */
public final class CurrencyCode {

    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z]{3}");

    private final String code;

    private CurrencyCode(String code) {
        this.code = code;
    }

    /**
     * Accepts a three-letter ISO 4217 code in any case and keeps it upper case, which is the
     * form Payop signs and stores.
     *
     * @throws IllegalArgumentException if the code is not an ISO 4217 currency
     */
    public static CurrencyCode of(String code) {
        Objects.requireNonNull(code, "currency");
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (!THREE_LETTERS.matcher(upper).matches() || !isIso(upper)) {
            throw new IllegalArgumentException("Invalid currency \"" + Amount.abbreviate(code)
                    + "\": use a three-letter ISO 4217 code such as \"EUR\" or \"USD\"");
        }
        return new CurrencyCode(upper);
    }

    public static CurrencyCode of(Currency currency) {
        return of(currency.getCurrencyCode());
    }

    private static boolean isIso(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The upper-case code, as signed and sent. */
    public String code() {
        return code;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrencyCode c && c.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
