package io.github.payop4j.jaxrs.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in properties: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code PT10S}. */
final class Durations {

    static final Duration MAX = Duration.ofMinutes(10);
    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})\\s*(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses a positive duration of at most ten minutes.
     *
     * @throws IllegalArgumentException with a message that completes "VALUE ..." and says what to write
     */
    static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SHORT.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms": d = Duration.ofMillis(n); break;
                case "s": d = Duration.ofSeconds(n); break;
                case "m": d = Duration.ofMinutes(n); break;
                default: d = Duration.ofHours(n); break;
            }
        } else if (s.startsWith("pt") || s.startsWith("p")) {
            try {
                d = Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid();
            }
        } else {
            throw invalid();
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("is not a positive duration; use for example 500ms, 10s or 2m.");
        }
        if (d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("is longer than " + MAX.toMinutes()
                    + " minutes; a shop request would wait that long for Payop. Use for example 10s or 30s.");
        }
        return d;
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("is not a duration; use a number with ms, s, m or h (500ms, 10s, 2m)"
                + " or ISO-8601 (PT10S).");
    }
}
