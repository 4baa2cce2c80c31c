package io.github.payop4j.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example JSON of Payop's API reference, read from the markdown in ../shared/payop-api at test
 * time (so the tests follow the docs), and a comparison of shapes: same fields, same JSON types.
 */
final class PayopDocs {

    private static final Pattern FENCE = Pattern.compile("```([a-z]*)[^\\n]*\\n(.*?)```", Pattern.DOTALL);

    private PayopDocs() {
    }

    /** The shared/payop-api folder: -Dpayop.api.docs, or the nearest ancestor's shared/payop-api. */
    static Path root() {
        String configured = System.getProperty("payop.api.docs");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("payop-api");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Payop's API docs (shared/payop-api) were not found above "
                + Path.of("").toAbsolutePath() + "; pass -Dpayop.api.docs=/path/to/shared/payop-api");
    }

    /** Every JSON example of a page: fenced json blocks, and shell blocks whose JSON starts at the first brace. */
    static List<JsonValue> examples(String page) {
        String text;
        try {
            text = Files.readString(root().resolve(page), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonValue> out = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            String block = m.group(2);
            if (!m.group(1).isEmpty() && !m.group(1).equals("json") && !m.group(1).equals("shell")) {
                continue;
            }
            // A shell block may start with "POST https://{your_url}": try each brace until JSON parses.
            for (int start = 0; start < block.length(); start++) {
                char c = block.charAt(start);
                if (c != '{' && c != '[') {
                    continue;
                }
                try {
                    out.add(Json.createReader(new StringReader(block.substring(start))).readValue());
                    break;
                } catch (RuntimeException e) {
                    // not JSON from here: curl commands, PHP and partial snippets are not answers
                }
            }
        }
        return out;
    }

    /** The first example of {@code page} whose JSON text contains every marker. */
    static JsonValue example(String page, String... markers) {
        for (JsonValue v : examples(page)) {
            String text = v.toString();
            boolean all = true;
            for (String marker : markers) {
                all &= text.contains(marker);
            }
            if (all) {
                return v;
            }
        }
        throw new IllegalStateException("No JSON example in " + page + " contains " + List.of(markers)
                + "; has the page changed?");
    }

    /**
     * Differences between the documented shape and the actual answer: each documented field must be
     * there with the same JSON type (a documented null accepts any type; every element of an actual
     * array must have the shape of the documented first element; an empty array is an array). Fields under {@code opaque}
     * paths are compared by type only (merchant metadata, ids used as keys).
     */
    static List<String> differences(JsonValue doc, JsonValue actual, Set<String> opaque) {
        List<String> out = new ArrayList<>();
        compare("$", doc, actual, opaque, out);
        return out;
    }

    private static void compare(String path, JsonValue doc, JsonValue actual, Set<String> opaque, List<String> out) {
        if (doc.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (actual == null) {
            out.add(path + " is missing (documented as " + type(doc) + ")");
            return;
        }
        if (doc instanceof JsonObject && actual instanceof JsonArray a && a.isEmpty()) {
            return; // PHP's json_encode writes an empty object as []: Payop's documented PHP-ism
        }
        if (!type(doc).equals(type(actual))) {
            out.add(path + " is " + type(actual) + ", documented as " + type(doc) + " (" + doc + ")");
            return;
        }
        if (opaque.contains(path.replaceAll("\\[\\d+\\]", "[]"))) {
            return;
        }
        if (doc instanceof JsonObject d) {
            JsonObject a = (JsonObject) actual;
            d.forEach((k, v) -> compare(path + "." + k, v, a.get(k), opaque, out));
        } else if (doc instanceof JsonArray d && !d.isEmpty()) {
            // An empty list is a list: Payop's own examples show [] where others show elements.
            JsonArray a = (JsonArray) actual;
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", d.get(0), a.get(i), opaque, out);
            }
        }
    }

    private static String type(JsonValue v) {
        return switch (v.getValueType()) {
            case TRUE, FALSE -> "boolean";
            default -> v.getValueType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
