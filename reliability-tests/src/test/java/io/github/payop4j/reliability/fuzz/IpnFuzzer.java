package io.github.payop4j.reliability.fuzz;

import io.github.payop4j.reliability.fuzz.JsonTree.Raw;
import io.github.payop4j.reliability.fuzz.JsonTree.Slot;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mutations of real IPN bodies, deterministic for a seed: byte-level damage (truncation, flipped
 * bytes, spans cut or doubled, stray tokens, other encodings, garbage), and structural changes
 * of the JSON (types swapped, huge numbers, hostile Unicode, keys removed, added or written
 * twice, deep nesting, long strings, odd states and ids, PHP's {@code []}, oversized bodies).
 */
public final class IpnFuzzer {

    /** One mutation family; {@link #name()} is what the figures count. */
    public enum Kind {
        TRUNCATE, FLIP_BYTES, CUT_SPAN, DOUBLE_SPAN, STRAY_TOKEN, OTHER_ENCODING, GARBAGE, TYPE_SWAP, HUGE_NUMBER,
        HOSTILE_UNICODE, REMOVE_KEY, UNKNOWN_KEYS, DUPLICATE_KEY, DEEP_NESTING, LONG_STRING, ODD_STATE, ODD_ID,
        PHP_EMPTY_OBJECT, OVERSIZED
    }

    /** A fuzzed body and how it was made. */
    public record Body(Kind kind, byte[] bytes) {
    }

    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\u0000", "null", "NaN",
        "Infinity", "-", "1e9999", "//x\n", "/*", "\uFEFF", "'", "\\u", "\\ud800", "\r\n", "true false"};
    private static final String[] CONSTANTS = {"", " ", "\n", "null", "[]", "{}", "\"ipn\"", "0", "true", "[{}]",
        "{\"transaction\":null}", "{\"transaction\":[]}", "{\"transaction\":{}}", "{\"transaction\":\"x\"}",
        "{\"transaction\":{\"id\":null,\"state\":2}}", "{\"transaction\":{\"id\":{},\"state\":2}}",
        "transaction[id]=1&transaction[state]=2", "<xml/>", "\u0000\u0000"};
    private static final String[] UNICODE = {"\u202eevil", "\u200b", "\ud835\udd18\ud835\udd2b", "\u0000",
        "\ud800", "\udfff", "e\u0301\u0301\u0301", "\ufffd", "\uffff", "\ud83d\udcb8", "\u0130", "\u00df",
        "\u4e2d\u6587", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\n\r\t", "\\\"", "\u2028\u2029"};
    private static final String[] NUMBERS = {"1e999999999", "-1e-999999999", "99999999999999999999999999999999",
        "2.0000000000000000001", "-0", "0.0", "2E0", "2e+0", "1E+2147483648", "123456789012345678901",
        "-2147483649", "9223372036854775808", "0.1e-400", "1" + "0".repeat(400), "2.5", "-2"};
    private static final String[] STATES = {"-1", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "15", "99",
        "2147483648", "\"2\"", "\"2.0\"", "2.0", "2e0", "true", "null", "\"\"", "\"accepted\"", "[2]", "{}"};
    private static final String[] IDS = {"\"\"", "\" \"", "\"../x\"", "\"a/b\"", "\"a?b=1\"", "\"%2e%2e\"",
        "\"#frag\"", "\"a b\"", "\"null\"", "\"{{id}}\"", "\"*\"", "\"%\"", "\"\\u0000\"", "\"x\\ny\"",
        "\"" + "9".repeat(129) + "\"", "\"\u00e9t\u00e9\"", "0", "-1", "1.5", "1e3", "12345678901234567890123",
        "true", "[]", "{}", "\"eyJhbGciOi\"", "\"a|b\"", "\"a^b\"", "\"a`b\"", "\"<x>\"", "\"a\\\\b\"",
        "\"a\\\"b\"", "\"[x]\"", "\"a;b\"", "\"%zz\"", "\"a%00b\"", "\"..\"", "\".\"", "\"~\"", "\"a{b}\""};
    private static final int[] DEPTHS = {8, 63, 64, 65, 200, 5_000, 50_000};
    private static final int[] LENGTHS = {128, 129, 255, 256, 10_000, 60_000, 70_000};

    private final Random random;
    private final List<String> seeds;

    public IpnFuzzer(long seed, List<byte[]> seedBodies) {
        this.random = new Random(seed);
        this.seeds = seedBodies.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    public Body next() {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        String seed = seeds.get(random.nextInt(seeds.size()));
        if (random.nextInt(4) == 0) { // sometimes a structural change first, then the chosen one
            seed = JsonTree.write(structural(pick(Kind.TYPE_SWAP, Kind.UNKNOWN_KEYS, Kind.ODD_STATE, Kind.ODD_ID),
                    JsonTree.parse(seed)));
        }
        return new Body(kind, mutate(kind, seed));
    }

    private byte[] mutate(Kind kind, String seed) {
        byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
        switch (kind) {
            case TRUNCATE:
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case FLIP_BYTES:
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                return bytes;
            case CUT_SPAN: {
                int from = random.nextInt(bytes.length);
                int to = Math.min(bytes.length, from + 1 + random.nextInt(40));
                return join(slice(bytes, 0, from), slice(bytes, to, bytes.length));
            }
            case DOUBLE_SPAN: {
                int from = random.nextInt(bytes.length);
                int to = Math.min(bytes.length, from + 1 + random.nextInt(40));
                return join(slice(bytes, 0, to), slice(bytes, from, bytes.length));
            }
            case STRAY_TOKEN: {
                int at = random.nextInt(seed.length() + 1);
                return (seed.substring(0, at) + pick(TOKENS) + seed.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case OTHER_ENCODING:
                return otherEncoding(seed);
            case GARBAGE:
                return garbage();
            case DUPLICATE_KEY:
                return duplicateKey(seed).getBytes(StandardCharsets.UTF_8);
            case OVERSIZED:
                return (seed.substring(0, seed.length() - 1) + ",\"padding\":\"" + "x".repeat(70_000) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
            default:
                return JsonTree.write(structural(kind, JsonTree.parse(seed))).getBytes(StandardCharsets.UTF_8);
        }
    }

    private Object structural(Kind kind, Object root) {
        List<Slot> slots = JsonTree.slots(root);
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (kind) {
            case TYPE_SWAP:
                slot.set(pick(List.of(new Raw("[]"), new Raw("{}"), new Raw("null"), new Raw("true"), new Raw("0"),
                        "", "2", new Raw("[\"2\"]"), new Raw("{\"id\":\"x\"}"), new Raw("-1.5"))));
                return root;
            case HUGE_NUMBER:
                slot(root, "state", "amount", "id", "txid").orElse(slot).set(new Raw(pick(NUMBERS)));
                return root;
            case HOSTILE_UNICODE: {
                Slot s = slots.stream().filter(x -> x.get() instanceof String).findAny().orElse(slot);
                String value = s.get() instanceof String v ? v : "";
                int at = random.nextInt(value.length() + 1);
                s.set(value.substring(0, at) + pick(UNICODE) + value.substring(at));
                return root;
            }
            case REMOVE_KEY:
                slot.remove();
                return root;
            case UNKNOWN_KEYS: {
                Object target = slot.get() instanceof Map<?, ?> ? slot.get() : root;
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) target;
                m.put(pick(List.of("__proto__", "constructor", "signature", "k".repeat(300), "a\u0000b", "")),
                        pick(List.of("x", new Raw("{}"), new Raw("[1,2,3]"), new Raw("null"))));
                return root;
            }
            case DEEP_NESTING: {
                int depth = DEPTHS[random.nextInt(DEPTHS.length)];
                boolean arrays = random.nextBoolean();
                String open = arrays ? "[" : "{\"a\":";
                String close = arrays ? "]" : "}";
                slot.set(new Raw(open.repeat(depth) + "1" + close.repeat(depth)));
                return root;
            }
            case LONG_STRING:
                slot(root, "id", "txid", "message", "refundId", "withdrawalId").orElse(slot)
                        .set("9".repeat(LENGTHS[random.nextInt(LENGTHS.length)]));
                return root;
            case ODD_STATE:
                slot(root, "state").orElse(slot).set(new Raw(pick(STATES)));
                return root;
            case ODD_ID:
                slot(root, "id", "txid", "refundId", "withdrawalId").orElse(slot).set(new Raw(pick(IDS)));
                return root;
            case PHP_EMPTY_OBJECT: {
                Slot s = slots.stream().filter(x -> x.get() instanceof Map<?, ?>).skip(random.nextInt(3)).findFirst()
                        .orElse(slot);
                s.set(new Raw("[]"));
                return root;
            }
            default:
                throw new IllegalArgumentException(kind + " is not structural");
        }
    }

    /** A random slot whose key is one of {@code keys}. */
    private java.util.Optional<Slot> slot(Object root, String... keys) {
        List<Slot> matching = new ArrayList<>();
        for (Slot s : JsonTree.slots(root)) {
            for (String k : keys) {
                if (k.equals(s.key())) {
                    matching.add(s);
                }
            }
        }
        return matching.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(matching.get(random.nextInt(matching.size())));
    }

    private String duplicateKey(String seed) {
        Map<String, String> repeats = new LinkedHashMap<>();
        repeats.put("\"state\":", "\"state\":2,");
        repeats.put("\"id\":", "\"id\":\"other\",");
        repeats.put("\"order\":", "\"order\":{\"id\":\"other\"},");
        repeats.put("\"txid\":", "\"txid\":\"other\",");
        List<String> present = repeats.keySet().stream().filter(seed::contains).toList();
        if (present.isEmpty()) {
            return "{\"a\":1,\"a\":2}";
        }
        String key = pick(present);
        int at = seed.indexOf(key);
        return seed.substring(0, at) + repeats.get(key) + seed.substring(at);
    }

    private byte[] otherEncoding(String seed) {
        String accented = seed.replaceFirst("\"id\":\"", "\"id\":\"\u00e9");
        switch (random.nextInt(7)) {
            case 0: return seed.getBytes(StandardCharsets.UTF_16LE);
            case 1: return seed.getBytes(StandardCharsets.UTF_16); // with a byte order mark
            case 2: return seed.getBytes(Charset.forName("UTF-32BE"));
            case 3: return accented.getBytes(StandardCharsets.ISO_8859_1); // not UTF-8
            case 4: return join(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, seed.getBytes(StandardCharsets.UTF_8));
            case 5: return seed.replace("/", "").replaceFirst("\\{", "{\"x\":\"\u0000\",")
                    .replace("\"id\":\"", "\"id\":\"\u00C0").getBytes(StandardCharsets.UTF_8);
            default: { // an overlong encoding and a CESU-8 surrogate: both invalid UTF-8
                byte[] b = seed.getBytes(StandardCharsets.UTF_8);
                int at = seed.indexOf("\"id\":\"") + 6;
                return join(slice(b, 0, Math.max(0, at)), new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xED,
                    (byte) 0xA0, (byte) 0x80}, slice(b, Math.max(0, at), b.length));
            }
        }
    }

    private byte[] garbage() {
        switch (random.nextInt(3)) {
            case 0: {
                byte[] b = new byte[random.nextInt(2048)];
                random.nextBytes(b);
                return b;
            }
            case 1: {
                StringBuilder s = new StringBuilder();
                for (int i = random.nextInt(512); i > 0; i--) {
                    s.append((char) (0x20 + random.nextInt(0x5f)));
                }
                return s.toString().getBytes(StandardCharsets.US_ASCII);
            }
            default:
                return pick(CONSTANTS).getBytes(StandardCharsets.UTF_8);
        }
    }

    private Kind pick(Kind... kinds) {
        return kinds[random.nextInt(kinds.length)];
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static byte[] join(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
