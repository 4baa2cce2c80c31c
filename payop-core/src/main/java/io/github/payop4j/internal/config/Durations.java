package io.github.payop4j.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration format of every {@code payop.*} setting: {@code 500ms}, {@code 10s},
 * {@code 2m}, {@code 1h}, {@code 30d}, or ISO-8601 such as {@code PT10S}.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses a duration between {@code min} and {@code max}.
     *
     * @throws IllegalArgumentException with a message that completes "VALUE ..." and says what to write
     */
    public static Duration parse(String text, Duration min, Duration max) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SHORT.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms": d = Duration.ofMillis(n); break;
                case "s": d = Duration.ofSeconds(n); break;
                case "m": d = Duration.ofMinutes(n); break;
                case "d": d = Duration.ofDays(n); break;
                default: d = Duration.ofHours(n); break;
            }
        } else if (s.startsWith("p")) {
            try {
                d = Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid();
            }
        } else {
            throw invalid();
        }
        if (d.isNegative() || d.isZero() && !min.isZero()) { // zero only where the setting allows it
            throw new IllegalArgumentException("is not a positive duration; use for example 500ms, 10s or 2m.");
        }
        if (d.compareTo(min) < 0) {
            throw new IllegalArgumentException("is shorter than " + format(min) + "; use at least " + format(min) + ".");
        }
        if (d.compareTo(max) > 0) {
            throw new IllegalArgumentException("is longer than " + format(max) + "; use at most " + format(max) + ".");
        }
        return d;
    }

    /** The shortest way to write {@code d} in this format: {@code 10s}, {@code 2m}, {@code 1500ms}, {@code 30d}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms > 0 && ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("is not a duration; use a number with ms, s, m, h or d (500ms, 10s, 2m, 1h, 30d)"
                + " or ISO-8601 (PT10S).");
    }
}
