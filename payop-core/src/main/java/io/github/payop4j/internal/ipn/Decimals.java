package io.github.payop4j.internal.ipn;

import java.math.BigDecimal;
import java.util.Locale;

/** Exact amount handling for IPNs: decimal strings in, numeric comparison, never binary floating point. */
public final class Decimals {

    /** Longer than any real amount; keeps {@code 1e999999999} from ever being expanded. */
    private static final int MAX_DIGITS = 40;

    private Decimals() {
    }

    /** The plain form of a decimal string ("1E+2" is "100"), or {@code null} if absurd or not a number. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if ((long) d.precision() + Math.abs((long) d.scale()) > MAX_DIGITS) {
            return null;
        }
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** Numeric equality: "3" equals "3.00". Unparseable text equals nothing. */
    public static boolean sameAmount(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim())) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public static boolean sameCurrency(String a, String b) {
        return a != null && b != null && a.trim().toUpperCase(Locale.ROOT).equals(b.trim().toUpperCase(Locale.ROOT));
    }
}
