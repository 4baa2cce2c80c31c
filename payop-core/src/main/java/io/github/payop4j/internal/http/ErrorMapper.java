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
 * flattened into one line; the field form is also kept per field.
 */
final class ErrorMapper {

    private final JsonCodec json;

    ErrorMapper(JsonCodec json) {
        this.json = json;
    }

    PayopApiException toException(ApiRequest request, int status, byte[] body, Duration retryAfter, Redactor redactor) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String payopMessage = redactor.apply(readMessage(body, fields));
        fields.replaceAll((k, v) -> v.stream().map(redactor::apply).toList());

        StringBuilder text = new StringBuilder()
                .append("Payop could not ").append(request.operation())
                .append(" (").append(request.describe()).append("): HTTP ").append(status);
        if (!payopMessage.isEmpty()) {
            text.append(", \"").append(payopMessage).append('"');
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
                        ? "Check the JWT token: it may be mistyped, expired or revoked; create a new one in the Payop dashboard."
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

    private String readMessage(byte[] body, Map<String, List<String>> fields) {
        if (body == null || body.length == 0) {
            return "";
        }
        JsonValue root;
        try {
            root = json.parse(body);
        } catch (JsonException | IllegalStateException e) {
            return "";
        }
        if (!(root instanceof JsonObject o)) {
            return "";
        }
        JsonValue message = o.get("message");
        if (message == null) {
            message = o.get("error");
        }
        if (message instanceof JsonObject fieldMessages) {
            List<String> parts = new ArrayList<>();
            fieldMessages.forEach((field, value) -> {
                List<String> texts = messages(value);
                fields.put(field, texts);
                parts.add(field + ": " + String.join(" ", texts));
            });
            return String.join("; ", parts);
        }
        if (message instanceof JsonArray) {
            return String.join("; ", messages(message));
        }
        String text = JsonFields.text(message);
        return text == null ? "" : text;
    }

    private static List<String> messages(JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                String t = item instanceof JsonObject io ? JsonFields.text(io, "message") : JsonFields.text(item);
                if (t != null) {
                    out.add(t);
                }
            }
        } else {
            String t = value instanceof JsonObject io ? JsonFields.text(io, "message") : JsonFields.text(value);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
