package io.github.payop4j.internal.http;

import io.github.payop4j.error.PayopApiException;
import io.github.payop4j.error.PayopAuthenticationException;
import io.github.payop4j.error.PayopNotFoundException;
import io.github.payop4j.error.PayopPermissionException;
import io.github.payop4j.error.PayopRateLimitException;
import io.github.payop4j.error.PayopRejectedException;
import io.github.payop4j.error.PayopResponseException;
import io.github.payop4j.error.PayopServerException;
import io.github.payop4j.error.PayopValidationException;
import io.github.payop4j.internal.json.Envelope;
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
 * Turns Payop's error answers into typed exceptions: HTTP errors, and the success answers that
 * are failures all the same ({@link #checkSuccess}).
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

    /**
     * The one rule for success answers (2xx), applied to every operation: an envelope whose
     * status is 0 is a {@link PayopRejectedException}; an answer without what the request
     * {@link Expect expects} is a {@link PayopResponseException}. Both carry Payop's message.
     *
     * @return the response, when it is neither
     */
    ApiResponse checkSuccess(ApiRequest request, ApiResponse response, Redactor redactor) {
        JsonValue root = response.body();
        boolean failed = Envelope.failed(root);
        if (!failed && carriesExpected(request.expect(), response)) {
            return response;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String payopMessage = readMessage(root, fields, redactor);
        String quoted = payopMessage.isEmpty() ? "" : ", \"" + payopMessage + "\"";
        boolean post = !"GET".equals(request.method());
        if (failed) {
            // Payop refuses before acting; only an answer that still names an object may have acted.
            boolean mayHaveTakenEffect = response.identifier() != null || Envelope.hasContent(Envelope.data(root));
            String advice = !post ? "Payop's message says why; check the id and this account's keys, or try again later."
                    : mayHaveTakenEffect ? "Payop still sent an id or data, so the request may have taken effect:"
                            + " check its result in the Payop dashboard before sending it again."
                    : "Payop refused the request and did nothing; correct it as the message says and send it again.";
            throw new PayopRejectedException("Payop could not " + request.operation() + " (" + request.describe()
                    + "): HTTP " + response.status() + " with status " + Envelope.status(root) + quoted + ". " + advice,
                    response.status(), payopMessage, fields, mayHaveTakenEffect);
        }
        String missing = switch (request.expect()) {
            case ID -> "without an id (no 'identifier' header, no id in the body)";
            case OBJECT -> "without the object it asked for (empty or missing 'data')";
            default -> "without data (no 'data' in the answer)";
        };
        throw new PayopResponseException("Payop answered HTTP " + response.status() + " to " + request.operation()
                + " (" + request.describe() + ") " + missing + quoted + ". " + (post
                        ? "The request may have taken effect: check its result in the Payop dashboard before sending it again."
                        : "Nothing can be read from it; try again later, and check the id if it persists."),
                response.status());
    }

    private static boolean carriesExpected(Expect expect, ApiResponse response) {
        JsonValue root = response.body();
        switch (expect) {
            case ID:
                String id = response.identifier() != null ? response.identifier() : JsonFields.text(Envelope.data(root));
                return id != null && !id.isBlank();
            case OBJECT:
                JsonObject data = JsonFields.object(Envelope.data(root));
                return data != null && !data.isEmpty();
            default:
                return Envelope.carriesData(root);
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
