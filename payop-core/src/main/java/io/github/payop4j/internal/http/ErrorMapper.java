package io.github.payop4j.internal.http;

import io.github.payop4j.error.PayopApiException;
import io.github.payop4j.error.PayopAuthenticationException;
import io.github.payop4j.error.PayopNotFoundException;
import io.github.payop4j.error.PayopPermissionException;
import io.github.payop4j.error.PayopRateLimitException;
import io.github.payop4j.error.PayopServerException;
import io.github.payop4j.error.PayopValidationException;
import io.github.payop4j.internal.json.JsonCodec;
import io.github.payop4j.internal.json.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Payop's error answers into typed exceptions.
 *
 * <p>Payop's {@code message} comes in three shapes: a string, an object of field name to
 * messages (validation), or an array of {@code {"message": ..}} (some 500s). All three are
 * flattened into one line; the field form is also kept per field, nested objects as dotted
 * keys ({@code order.amount}) and list items by index ({@code items[0].price}).
 */
final class ErrorMapper {

    /** Deeper field nesting is not Payop's; the rest of such a message is dropped. */
    private static final int MAX_FIELD_DEPTH = 16;

    private final JsonCodec json;

    ErrorMapper(JsonCodec json) {
        this.json = json;
    }

    PayopApiException toException(ApiRequest request, int status, byte[] body, Duration retryAfter, Redactor redactor) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String payopMessage = readMessage(parse(body), fields, redactor);

        StringBuilder text = new StringBuilder()
                .append("Payop could not ").append(request.operation())
                .append(" (").append(request.describe()).append("): HTTP ").append(status);
        if (!payopMessage.isEmpty()) {
            text.append(", \"").append(payopMessage).append('"');
        } else if (status == 401) {
            // Jersey's default connector (HttpURLConnection) drops the body of a 401 to a streamed
            // POST; the advice below then gives the likely reason instead of Payop.
            text.append(body == null || body.length == 0
                    ? " (Payop's reason was not readable: no body arrived, as when Java's HttpURLConnection"
                            + " discards the body of a 401 to a streamed POST)"
                    : " (Payop sent no reason)");
        }
        text.append(". ").append(advice(request, status, retryAfter));
        String message = text.toString();

        if (status == 401) {
            return new PayopAuthenticationException(message, status, payopMessage, fields);
        }
        if (status == 403) {
            return new PayopPermissionException(message, status, payopMessage, fields);
        }
        if (status == 404) {
            return new PayopNotFoundException(message, status, payopMessage, fields);
        }
        if (status == 400 || status == 422) {
            return new PayopValidationException(message, status, payopMessage, fields);
        }
        if (status == 429) {
            return new PayopRateLimitException(message, status, payopMessage, fields, retryAfter);
        }
        if (status >= 500) {
            return new PayopServerException(message, status, payopMessage, fields);
        }
        return new PayopApiException(message, status, payopMessage, fields);
    }

    private static String advice(ApiRequest request, int status, Duration retryAfter) {
        switch (status) {
            case 401:
                return request.authenticated()
                        ? "Payop refused the JWT token; an expired token is the usual cause (else a mistyped or"
                                + " revoked one). Create a new token in the Payop dashboard and configure it as"
                                + " payop.jwt-token (PayopClient.builder().jwtToken(...))."
                        : "Check the public key and project settings in the Payop dashboard.";
            case 403:
                return "The token or project is not allowed to do this; ask Payop support to enable it for your project.";
            case 404:
                return "Check the id: Payop does not know it for this account.";
            case 400:
            case 422:
                return "Correct the request as Payop describes and send it again.";
            case 429:
                return "Payop limits the request rate; wait"
                        + (retryAfter == null ? "" : " " + retryAfter.toSeconds() + " s")
                        + " before trying again.";
            default:
                if (status >= 500) {
                    return "GET".equals(request.method())
                            ? "Payop failed; try again later."
                            : "Payop failed; the request may still have taken effect, so check its result before sending it again.";
                }
                return "See Payop's message and the API reference.";
        }
    }

    private JsonValue parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JsonValue.NULL;
        }
        try {
            return json.parse(body);
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.NULL;
        }
    }

    /** Payop's message in one line, its field messages into {@code fields}; all scrubbed. */
    private static String readMessage(JsonValue root, Map<String, List<String>> fields, Redactor redactor) {
        if (!(root instanceof JsonObject o)) {
            return "";
        }
        JsonValue message = o.get("message");
        if (message == null) {
            message = o.get("error");
        }
        String text;
        if (message instanceof JsonObject fieldMessages) {
            flatten("", fieldMessages, fields, 0);
            fields.replaceAll((k, v) -> v.stream().map(redactor::apply).toList());
            List<String> parts = new ArrayList<>();
            fields.forEach((field, texts) -> parts.add(field + ": " + String.join(" ", texts)));
            text = String.join("; ", parts);
        } else if (message instanceof JsonArray) {
            List<String> texts = new ArrayList<>();
            collect("", message, texts, new LinkedHashMap<>(), 0);
            text = String.join("; ", texts);
        } else {
            text = JsonFields.text(message);
        }
        return redactor.apply(text == null ? "" : text);
    }

    /** Field messages of a (nested) object: {@code {"order": {"amount": [..]}}} is {@code order.amount}. */
    private static void flatten(String prefix, JsonObject messages, Map<String, List<String>> fields, int depth) {
        messages.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            List<String> texts = new ArrayList<>();
            collect(path, value, texts, fields, depth);
            if (!texts.isEmpty()) {
                fields.merge(path, texts, (a, b) -> {
                    List<String> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                });
            }
        });
    }

    /**
     * The messages of one value into {@code texts}: a string, a list of strings, {@code
     * {"message": ..}} items; objects and list items that are objects are fields of their own.
     * PHP's {@code []} holds nothing; a PHP list serialized as an object ({@code {"0": ..}}) is a list.
     */
    private static void collect(String path, JsonValue value, List<String> texts, Map<String, List<String>> fields,
            int depth) {
        if (depth >= MAX_FIELD_DEPTH) {
            return;
        }
        if (value instanceof JsonObject o && !o.containsKey("message") && !o.containsKey("value")) {
            if (!o.isEmpty() && o.keySet().stream().allMatch(k -> k.matches("[0-9]{1,9}"))) {
                o.forEach((index, item) -> collectItem(path, index, item, texts, fields, depth));
            } else {
                flatten(path, o, fields, depth + 1);
            }
            return;
        }
        if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                collectItem(path, Integer.toString(i), array.get(i), texts, fields, depth);
            }
            return;
        }
        String t = value instanceof JsonObject o ? JsonFields.text(o, "message") : JsonFields.text(value);
        if (t != null && !t.isBlank()) {
            texts.add(t);
        }
    }

    private static void collectItem(String path, String index, JsonValue item, List<String> texts,
            Map<String, List<String>> fields, int depth) {
        if (item instanceof JsonObject io && !io.containsKey("message") && !io.isEmpty()) {
            flatten(path + "[" + index + "]", io, fields, depth + 1);
        } else if (item instanceof JsonArray) {
            collect(path, item, texts, fields, depth + 1);
        } else {
            collect(path, item, texts, fields, depth);
        }
    }
}
