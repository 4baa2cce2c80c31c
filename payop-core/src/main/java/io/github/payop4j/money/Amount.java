package io.github.payop4j.money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A positive amount of money to send to Payop, held as the exact decimal string that goes on
 * the wire.
 *
 * <p>Payop signs the amount as text: {@code "2"} and {@code "2.00"} are different signatures.
 * An {@code Amount} therefore keeps the caller's string byte for byte; the client signs and
 * sends {@link #value()} and nothing else. A {@link BigDecimal} becomes its plain form
 * ({@code 1E+1} becomes {@code "10"}), never scientific notation. There is deliberately no
 * factory taking a binary floating-point number.
 */
public final class Amount implements Comparable<Amount> {

    /** Plain decimal, no sign, no exponent, no leading zeros, dot as separator. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,17})(\\.[0-9]{1,8})?");

    private final String value;

    private Amount(String value) {
        this.value = value;
    }

    /**
     * Parses a decimal string such as {@code "10"}, {@code "10.5"} or {@code "1.2000"}.
     *
     * @throws IllegalArgumentException if the text is not a plain positive decimal (at most 18
     *     integer digits and 8 fraction digits) or is zero
     */
    public static Amount of(String value) {
        Objects.requireNonNull(value, "amount");
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid amount \"" + abbreviate(value)
                    + "\": use a plain positive decimal with a dot, such as \"10\" or \"10.50\""
                    + " (no sign, exponent, thousands separator or more than 8 decimals)");
        }
        if (new BigDecimal(value).signum() == 0) {
            throw new IllegalArgumentException("Invalid amount \"" + value
                    + "\": Payop only takes amounts greater than zero");
        }
        return new Amount(value);
    }

    /** The plain string form of {@code value}, keeping its scale ({@code 10.50} stays "10.50"). */
    public static Amount of(BigDecimal value) {
        Objects.requireNonNull(value, "amount");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("Invalid amount " + value.toPlainString()
                    + ": Payop only takes amounts greater than zero");
        }
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        return of(value.toPlainString());
    }

    /** Whole units, for example {@code Amount.ofUnits(25)} is "25". */
    public static Amount ofUnits(long units) {
        return of(Long.toString(units));
    }

    /** The exact text that is signed and sent. */
    public String value() {
        return value;
    }

    /** The numeric value, for arithmetic and comparison; {@code "2"} and {@code "2.00"} compare equal here. */
    public BigDecimal toBigDecimal() {
        return new BigDecimal(value);
    }

    /** Orders by numeric value. */
    @Override
    public int compareTo(Amount other) {
        return toBigDecimal().compareTo(other.toBigDecimal());
    }

    /** Equal when the text is equal: "2" and "2.00" sign differently, so they are different amounts. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Amount a && a.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
