package io.github.payop4j.testkit.internal.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;

/** JSON-P in the emulator: Payop's envelopes and PHP-isms in one place. */
public final class Json {

    private static final JsonBuilderFactory F = jakarta.json.Json.createBuilderFactory(Map.of());
    /** PHP's json_encode of an empty array: Payop sends {@code []} where an object is empty. */
    public static final JsonValue PHP_EMPTY = JsonValue.EMPTY_JSON_ARRAY;

    private Json() {
    }

    public static JsonObjectBuilder object() {
        return F.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return F.createArrayBuilder();
    }

    /** {@code {"data": ..., "status": 1}}, Payop's success envelope. */
    public static JsonObject envelope(JsonValue data) {
        return object().add("data", data).add("status", 1).build();
    }

    public static JsonObject message(String text) {
        return object().add("message", text).build();
    }

    /** Symfony's validation shape: {@code {"message": {"field": ["text"]}}}. */
    public static JsonObject fieldErrors(Map<String, String> errors) {
        JsonObjectBuilder fields = object();
        errors.forEach((field, text) -> fields.add(field, array().add(text)));
        return object().add("message", fields).build();
    }

    /**
     * A decimal written as a JSON number the way Payop's PHP does ({@code "3.00"} becomes {@code 3},
     * {@code "49.90"} becomes {@code 49.9}), exactly, never through a double.
     */
    public static JsonNumber number(String decimal) {
        BigDecimal value = new BigDecimal(decimal).stripTrailingZeros();
        return jakarta.json.Json.createValue(value.scale() < 0 ? value.setScale(0) : value);
    }

    /** A metadata object, or PHP's {@code []} when empty. */
    public static JsonValue objectOrPhpEmpty(JsonObject o) {
        return o == null || o.isEmpty() ? PHP_EMPTY : o;
    }

    public static JsonValue parse(String text) {
        try {
            return jakarta.json.Json.createReader(new StringReader(text)).readValue();
        } catch (IllegalStateException | jakarta.json.JsonException e) {
            return null;
        }
    }

    public static JsonObject parseObject(String text) {
        JsonValue v = parse(text);
        return v instanceof JsonObject o ? o : null;
    }

    public static String write(JsonValue value) {
        StringWriter out = new StringWriter();
        jakarta.json.Json.createWriter(out).write(value);
        return out.toString();
    }

    /** A string field, numbers accepted as their literal (PHP clients send either). */
    public static String text(JsonObject o, String name) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(name);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return null;
    }

    public static JsonObject obj(JsonObject o, String name) {
        JsonValue v = o == null ? null : o.get(name);
        return v instanceof JsonObject x ? x : null;
    }

    public static JsonArray arr(JsonObject o, String name) {
        JsonValue v = o == null ? null : o.get(name);
        return v instanceof JsonArray x ? x : null;
    }

    public static JsonValue stringOrNull(String s) {
        return s == null ? JsonValue.NULL : jakarta.json.Json.createValue(s);
    }
}
