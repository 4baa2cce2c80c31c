package io.github.payop4j.internal.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tolerant reads from Payop's JSON.
 *
 * <p>Payop is a PHP service: an empty object arrives as {@code []}, amounts arrive as numbers
 * or strings, ids as strings or numbers, and an id may be wrapped as {@code {"value": ..,
 * "null": false}}. Every accessor here accepts all of these, returns {@code null} (or an empty
 * collection) for anything else, and never throws on a wrong type.
 */
public final class JsonFields {

    /** Numbers with more digits than this are kept in exponent form rather than expanded. */
    private static final int MAX_PLAIN_DIGITS = 64;
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z0-9]{2,10}");

    private JsonFields() {
    }

    /**
     * {@code data} of Payop's {@code {"data": .., "status": 1}} envelope, or an unwrapped payload
     * itself; never an object of envelope keys only (see {@link Envelope#data}).
     */
    public static JsonValue data(JsonValue root) {
        return Envelope.data(root);
    }

    /** An object, treating PHP's empty array {@code []} as an empty object; else {@code null}. */
    public static JsonObject object(JsonValue v) {
        if (v instanceof JsonObject o) {
            return o;
        }
        if (v instanceof JsonArray a && a.isEmpty()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return null;
    }

    /** Like {@link #object(JsonValue)} but never {@code null}. */
    public static JsonObject objectOrEmpty(JsonValue v) {
        JsonObject o = object(v);
        return o == null ? JsonValue.EMPTY_JSON_OBJECT : o;
    }

    public static JsonObject object(JsonObject parent, String key) {
        return parent == null ? null : object(parent.get(key));
    }

    public static JsonObject objectOrEmpty(JsonObject parent, String key) {
        return parent == null ? JsonValue.EMPTY_JSON_OBJECT : objectOrEmpty(parent.get(key));
    }

    /**
     * Text of a scalar: strings as they are, numbers in plain decimal form, booleans as
     * "true"/"false". A {@code {"value": x}} wrapper yields x. Otherwise {@code null}.
     */
    public static String text(JsonValue v) {
        if (v == null) {
            return null;
        }
        switch (v.getValueType()) {
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                return plain((JsonNumber) v);
            case TRUE:
                return "true";
            case FALSE:
                return "false";
            case OBJECT:
                JsonObject o = (JsonObject) v;
                if (o.containsKey("value") && !isTrue(o.get("null"))) {
                    JsonValue inner = o.get("value");
                    return inner instanceof JsonObject ? null : text(inner);
                }
                return null;
            default:
                return null;
        }
    }

    public static String text(JsonObject parent, String key) {
        return parent == null ? null : text(parent.get(key));
    }

    /** Like {@link #text(JsonObject, String)}, but blank text counts as absent. */
    public static String nonBlank(JsonObject parent, String key) {
        String s = text(parent, key);
        return s == null || s.isBlank() ? null : s;
    }

    /** First non-blank text among the keys, for fields Payop names differently across endpoints. */
    public static String firstText(JsonObject parent, String... keys) {
        for (String key : keys) {
            String s = nonBlank(parent, key);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /**
     * A currency code, upper case: ISO 4217 codes are, a shop compares them with {@code equals},
     * and Payop has answered {@code "eur"}. Letters and digits are trimmed and upper-cased;
     * anything else is kept as sent (the raw JSON always is).
     */
    public static String currency(JsonObject parent, String key) {
        return currencyCode(nonBlank(parent, key));
    }

    /** Like {@link #texts(JsonValue)}, each normalised as by {@link #currency(JsonObject, String)}. */
    public static List<String> currencies(JsonValue v) {
        return texts(v).stream().map(JsonFields::currencyCode).toList();
    }

    /** The one currency normalisation of the client (API answers and IPN bodies alike). */
    public static String currencyCode(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        return CURRENCY_CODE.matcher(t).matches() ? t.toUpperCase(Locale.ROOT) : text;
    }

    /**
     * A decimal amount as text: numbers become plain decimals ({@code 3} is "3", {@code 1e2}
     * is "100"), numeric strings are kept as sent. Anything else is {@code null}.
     */
    public static String decimal(JsonObject parent, String key) {
        JsonValue v = parent == null ? null : parent.get(key);
        if (v instanceof JsonNumber n) {
            return plain(n);
        }
        if (v instanceof JsonString s) {
            String t = s.getString().trim();
            return isDecimal(t) ? t : null;
        }
        return null;
    }

    /** An integer code (state, status, type): a JSON integer or a numeric string; else {@code null}. */
    public static Integer code(JsonValue v) {
        if (v instanceof JsonNumber n) {
            return n.isIntegral() && fitsInt(n) ? n.intValue() : null;
        }
        if (v instanceof JsonString s) {
            String t = s.getString().trim();
            if (isInteger(t, true, 9)) {
                return Integer.valueOf(t);
            }
        }
        return null;
    }

    public static Integer code(JsonObject parent, String key) {
        return parent == null ? null : code(parent.get(key));
    }

    /** A boolean: JSON true/false, 1/0, or "true"/"1"/"false"/"0". Anything else is {@code null}. */
    public static Boolean flag(JsonObject parent, String key) {
        JsonValue v = parent == null ? null : parent.get(key);
        if (v == null) {
            return null;
        }
        if (v == JsonValue.TRUE || v.getValueType() == JsonValue.ValueType.TRUE) {
            return Boolean.TRUE;
        }
        if (v.getValueType() == JsonValue.ValueType.FALSE) {
            return Boolean.FALSE;
        }
        String t = text(v);
        if ("1".equals(t) || "true".equalsIgnoreCase(t)) {
            return Boolean.TRUE;
        }
        if ("0".equals(t) || "false".equalsIgnoreCase(t)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Unix seconds (number or numeric string) as an instant; else {@code null}. */
    public static Instant epochSeconds(JsonObject parent, String key) {
        JsonValue v = parent == null ? null : parent.get(key);
        String t = text(v);
        if (t == null || !isInteger(t, false, 12)) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(t));
    }

    /** The objects of an array, or the values of a PHP list serialized as an object. */
    public static List<JsonObject> objects(JsonValue v) {
        List<JsonObject> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonValue item : a) {
                if (item instanceof JsonObject o) {
                    out.add(o);
                }
            }
        } else if (v instanceof JsonObject o) {
            for (JsonValue item : o.values()) {
                if (item instanceof JsonObject io) {
                    out.add(io);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The texts of an array of scalars (for example {@code ["USD", "EUR"]}), or of a PHP list
     * serialized as an object ({@code {"0": "USD", "2": "EUR"}} after {@code array_filter}).
     */
    public static List<String> texts(JsonValue v) {
        List<String> out = new ArrayList<>();
        Iterable<JsonValue> items = v instanceof JsonArray a ? a
                : v instanceof JsonObject o ? o.values() : List.of();
        for (JsonValue item : items) {
            String t = item instanceof JsonObject ? null : text(item);
            if (t != null) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Key to scalar text; a PHP {@code []} is an empty map; nested structures are skipped. */
    public static Map<String, String> textMap(JsonValue v) {
        JsonObject o = object(v);
        if (o == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        o.forEach((key, value) -> {
            String t = value instanceof JsonObject ? null : text(value);
            if (t != null) {
                out.put(key, t);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    public static boolean isTrue(JsonValue v) {
        return v != null && v.getValueType() == JsonValue.ValueType.TRUE;
    }

    /**
     * A plain or exponent decimal with optional sign (balances may be negative): the language
     * {@code -?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]{1,4})?}, at most 80 characters. Scanned by hand:
     * it runs for every amount of every answer, and {@code String.matches} compiles its pattern
     * on each call.
     */
    public static boolean isDecimal(String t) {
        int n = t.length();
        if (n > 80) {
            return false;
        }
        int i = t.startsWith("-") ? 1 : 0;
        int intStart = i;
        i = digits(t, i);
        if (i == intStart) {
            return false;
        }
        if (i < n && t.charAt(i) == '.') {
            int fracStart = ++i;
            i = digits(t, i);
            if (i == fracStart) {
                return false;
            }
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
                i++;
            }
            int expStart = i;
            i = digits(t, i);
            if (i == expStart || i - expStart > 4) {
                return false;
            }
        }
        return i == n;
    }

    /** {@code -?[0-9]{1,maxDigits}} (the sign only when allowed), without a regex. */
    private static boolean isInteger(String t, boolean signed, int maxDigits) {
        int start = signed && t.startsWith("-") ? 1 : 0;
        int end = digits(t, start);
        return end == t.length() && end > start && end - start <= maxDigits;
    }

    /** The index of the first non-ASCII-digit at or after {@code from}. */
    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static boolean fitsInt(JsonNumber n) {
        BigDecimal d = n.bigDecimalValue();
        return d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    /**
     * Plain decimal text of a JSON number. A hostile {@code 1e999999999} would expand into a
     * gigabyte of zeros, so numbers whose plain form would be long keep their compact form.
     */
    static String plain(JsonNumber n) {
        BigDecimal d = n.bigDecimalValue();
        long plainLength = (long) d.precision() + Math.abs((long) d.scale());
        if (plainLength > MAX_PLAIN_DIGITS) {
            return d.toString();
        }
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d.toPlainString();
    }
}
