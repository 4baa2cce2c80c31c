package io.github.payop4j.reliability.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as plain, mutable Java values (maps, lists, strings, booleans, null and
 * {@link Raw} literals), written back as text. {@link Raw} is written verbatim, so a mutation can
 * put in what no JSON library would write: {@code 1e999999999}, {@code NaN}, a lone surrogate.
 */
final class JsonTree {

    /** Text written as is in place of a value. */
    record Raw(String text) {
    }

    /** A place in the tree that holds a value: a key of a map or an index of a list. */
    record Slot(Object container, Object key) {
        Object get() {
            return container instanceof Map<?, ?> m ? m.get(key) : ((List<?>) container).get((Integer) key);
        }

        @SuppressWarnings("unchecked")
        void set(Object value) {
            if (container instanceof Map<?, ?> m) {
                ((Map<String, Object>) m).put((String) key, value);
            } else {
                ((List<Object>) container).set((Integer) key, value);
            }
        }

        void remove() {
            if (container instanceof Map<?, ?> m) {
                m.remove(key);
            } else {
                ((List<?>) container).remove((int) (Integer) key);
            }
        }
    }

    private JsonTree() {
    }

    static Object parse(String json) {
        return from(Json.createReader(new StringReader(json)).readValue());
    }

    private static Object from(JsonValue v) {
        switch (v.getValueType()) {
            case OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                ((JsonObject) v).forEach((k, x) -> m.put(k, from(x)));
                return m;
            }
            case ARRAY: {
                List<Object> l = new ArrayList<>();
                ((JsonArray) v).forEach(x -> l.add(from(x)));
                return l;
            }
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                return new Raw(((JsonNumber) v).toString());
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** Every slot of the tree, depth first. */
    static List<Slot> slots(Object root) {
        List<Slot> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Object node, List<Slot> out) {
        if (node instanceof Map<?, ?> m) {
            for (Object k : new ArrayList<>(m.keySet())) {
                out.add(new Slot(m, k));
                collect(m.get(k), out);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                out.add(new Slot(l, i));
                collect(l.get(i), out);
            }
        }
    }

    static String write(Object node) {
        StringBuilder b = new StringBuilder();
        write(node, b);
        return b.toString();
    }

    private static void write(Object node, StringBuilder b) {
        if (node == null) {
            b.append("null");
        } else if (node instanceof Raw r) {
            b.append(r.text());
        } else if (node instanceof Boolean x) {
            b.append(x);
        } else if (node instanceof String s) {
            quote(s, b);
        } else if (node instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(first ? "" : ",");
                first = false;
                quote((String) e.getKey(), b);
                b.append(':');
                write(e.getValue(), b);
            }
            b.append('}');
        } else if (node instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ",");
                write(l.get(i), b);
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON tree value: " + node.getClass());
        }
    }

    private static void quote(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
