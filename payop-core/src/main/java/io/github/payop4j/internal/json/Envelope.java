package io.github.payop4j.internal.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * Payop's answer envelope, {@code {"data": .., "status": 1}} (responses.md), in one place: which
 * answers are envelopes, where their data is, and when they say "failed".
 *
 * <p>An object with a {@code data} member, or made only of envelope keys ({@code {"status": 0,
 * "message": ".."}}), is an envelope. Any other object is an unwrapped payload (the balances
 * endpoint answers that way): its {@code status} belongs to the payload, so an invoice whose
 * own status is 0 (new) is never taken for a failed envelope.
 */
public final class Envelope {

    private static final Set<String> KEYS = Set.of("data", "status", "message", "code", "error");

    private Envelope() {
    }

    public static boolean isEnvelope(JsonValue root) {
        return root instanceof JsonObject o && (o.containsKey("data") || KEYS.containsAll(o.keySet()));
    }

    /**
     * The data: the envelope's {@code data}, or an unwrapped payload itself. {@link JsonValue#NULL}
     * when there is none (an envelope without {@code data}, an empty body).
     */
    public static JsonValue data(JsonValue root) {
        if (root instanceof JsonObject o) {
            if (o.containsKey("data")) {
                return o.get("data");
            }
            return KEYS.containsAll(o.keySet()) ? JsonValue.NULL : o;
        }
        return root == null ? JsonValue.NULL : root;
    }

    /** Whether the answer carries data at all: a {@code data} member (even null or "") or an unwrapped payload. */
    public static boolean carriesData(JsonValue root) {
        return root instanceof JsonArray || root instanceof JsonObject o && (o.containsKey("data") || !isEnvelope(o));
    }

    /** Whether the envelope's status flag says failed: {@code 0}, {@code "0"} or {@code false}. */
    public static boolean failed(JsonValue root) {
        return isEnvelope(root) && Boolean.FALSE.equals(JsonFields.flag(root.asJsonObject(), "status"));
    }

    /** The status flag as sent ("0", "false"), for messages; {@code null} when absent. */
    public static String status(JsonValue root) {
        return root instanceof JsonObject o ? JsonFields.text(o.get("status")) : null;
    }

    /** Whether a value holds anything: not null, not blank text, not an empty array or object. */
    public static boolean hasContent(JsonValue v) {
        if (v == null || v == JsonValue.NULL || v.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (v instanceof JsonString s) {
            return !s.getString().isBlank();
        }
        if (v instanceof JsonArray a) {
            return !a.isEmpty();
        }
        return !(v instanceof JsonObject o) || !o.isEmpty();
    }
}
