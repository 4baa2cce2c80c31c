package io.github.payop4j.testkit.internal.http;

import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint answers: status, headers and a body already serialised. */
public record Reply(int status, Map<String, String> headers, String body) {

    public static Reply json(int status, JsonValue body) {
        return new Reply(status, Map.of("Content-Type", "application/json"), Json.write(body));
    }

    public static Reply json(JsonValue body) {
        return json(200, body);
    }

    public static Reply html(int status, String html) {
        return new Reply(status, Map.of("Content-Type", "text/html; charset=utf-8"), html);
    }

    /** A 303 after a form POST: the browser follows with a GET, as after Payop's pages. */
    public static Reply seeOther(String location) {
        return new Reply(303, Map.of("Location", location, "Content-Type", "text/plain"), "");
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, copy, body);
    }
}
