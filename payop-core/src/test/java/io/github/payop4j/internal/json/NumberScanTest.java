package io.github.payop4j.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written number scanners of {@link JsonFields} accept exactly the languages of the
 * regular expressions they replaced (which compiled a pattern on every call): checked on edge
 * cases and on 100,000 random strings over the characters that matter.
 */
class NumberScanTest {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]{1,4})?");
    private static final Pattern CODE = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern EPOCH = Pattern.compile("[0-9]{1,12}");
    private static final JsonProvider JSON = JsonProvider.provider();

    @Test
    void edgeCases() {
        for (String s : List.of("", "-", "0", "-0", "007", "1.", ".5", "1.5", "-1.50", "1e", "1e5", "1E+12", "1e-1234",
                "1e12345", "1.5e-3", "1.e3", "--1", "+1", "1 ", " 1", "١٢", "1_000", "123456789", "1234567890",
                "-123456789", "999999999999", "1234567890123", "1.5E", "1.5e+", "0x10", "NaN", "Infinity")) {
            check(s);
        }
        assertEquals(false, JsonFields.isDecimal("1".repeat(81)), "longer than 80 characters");
        assertEquals(true, JsonFields.isDecimal("1".repeat(80)));
    }

    @Test
    void randomStringsOverDigitsSignsDotsAndExponents() {
        Random random = new Random(12);
        char[] alphabet = "0123456789-+.eE x".toCharArray();
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(16);
            for (int j = 0; j < length; j++) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            check(s.toString());
        }
    }

    private static void check(String s) {
        assertEquals(s.length() <= 80 && DECIMAL.matcher(s).matches(), JsonFields.isDecimal(s), "isDecimal(\"" + s + "\")");
        JsonObject o = JSON.createObjectBuilder().add("v", s).build();
        Integer code = JsonFields.code(o, "v");
        String trimmed = s.trim();
        assertEquals(CODE.matcher(trimmed).matches() ? Integer.valueOf(trimmed) : null, code, "code(\"" + s + "\")");
        Instant at = JsonFields.epochSeconds(o, "v");
        assertEquals(EPOCH.matcher(s).matches() ? Instant.ofEpochSecond(Long.parseLong(s)) : null, at,
                "epochSeconds(\"" + s + "\")");
    }
}
