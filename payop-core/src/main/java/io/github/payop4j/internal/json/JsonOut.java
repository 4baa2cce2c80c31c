package io.github.payop4j.internal.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** Building request JSON: optional fields left out, metadata converted, exact numbers. */
public final class JsonOut {

    private JsonOut() {
    }

    /** Adds {@code key: value} only when the value is not {@code null}. */
    public static JsonObjectBuilder putIfPresent(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
        return b;
    }

    /** Adds {@code key: {..}} with the map's string entries, only when the map is not empty. */
    public static JsonObjectBuilder putIfNotEmpty(JsonBuilderFactory f, JsonObjectBuilder b, String key,
            Map<String, String> values) {
        if (!values.isEmpty()) {
            JsonObjectBuilder object = f.createObjectBuilder();
            values.forEach(object::add);
            b.add(key, object);
        }
        return b;
    }

    /**
     * A JSON number whose literal text is exactly {@code plainDecimal}. JSON-P writers print a
     * {@link JsonNumber} through its {@code toString()}; going through {@code BigDecimal} or
     * {@code double} could turn "0.0000001" into "1E-7" or "0.1" into "0.1000000000000000055".
     */
    public static JsonNumber exactNumber(String plainDecimal) {
        return new ExactNumber(plainDecimal);
    }

    /**
     * Converts caller metadata: strings, numbers, booleans, {@code null}, maps and collections
     * of those, and JSON-P values. Anything else is refused so nothing is silently stringified.
     */
    public static JsonValue toJson(JsonBuilderFactory f, Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue jv) {
            return jv;
        }
        if (value instanceof CharSequence s) {
            return f.createArrayBuilder().add(s.toString()).build().get(0);
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            return exactNumber(value.toString());
        }
        if (value instanceof BigDecimal d) {
            return exactNumber(d.toPlainString());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder b = f.createObjectBuilder();
            map.forEach((k, v) -> b.add(String.valueOf(k), toJson(f, v)));
            return b.build();
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder b = f.createArrayBuilder();
            items.forEach(v -> b.add(toJson(f, v)));
            return b.build();
        }
        throw new IllegalArgumentException("Unsupported metadata value of type "
                + value.getClass().getName() + ": use String, Integer, Long, BigDecimal, Boolean,"
                + " Map, List or a jakarta.json value (floating point is refused to keep amounts exact)");
    }

    private static final class ExactNumber implements JsonNumber {
        private final String text;

        ExactNumber(String text) {
            this.text = text;
        }

        @Override
        public boolean isIntegral() {
            return bigDecimalValue().scale() <= 0;
        }

        @Override
        public int intValue() {
            return bigDecimalValue().intValue();
        }

        @Override
        public int intValueExact() {
            return bigDecimalValue().intValueExact();
        }

        @Override
        public long longValue() {
            return bigDecimalValue().longValue();
        }

        @Override
        public long longValueExact() {
            return bigDecimalValue().longValueExact();
        }

        @Override
        public BigInteger bigIntegerValue() {
            return bigDecimalValue().toBigInteger();
        }

        @Override
        public BigInteger bigIntegerValueExact() {
            return bigDecimalValue().toBigIntegerExact();
        }

        @Override
        public double doubleValue() {
            return bigDecimalValue().doubleValue();
        }

        @Override
        public BigDecimal bigDecimalValue() {
            return new BigDecimal(text);
        }

        @Override
        public ValueType getValueType() {
            return ValueType.NUMBER;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JsonNumber n && n.bigDecimalValue().equals(bigDecimalValue());
        }

        @Override
        public int hashCode() {
            return bigDecimalValue().hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
