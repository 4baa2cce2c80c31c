package io.github.payop4j.ipn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.testing.Docs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thousands of broken bodies derived from the docs' IPNs by a seeded generator: every one
 * answered 4xx (never 5xx, so Payop is never asked to repeat garbage), and the journal left
 * consistent. Mutations that may still be a valid IPN only have to stay out of 5xx.
 */
class MalformedIpnFuzzTest {

    static final long SEED = 0x1F0E_2024L;
    static final int COUNT = 3000;

    private static final List<String> DOCS = Stream.of("ipn-checkout.json", "ipn-checkout-legacy.json",
            "ipn-checkout-short.json", "ipn-refund.json", "ipn-refund-refunddoc.json", "ipn-withdrawal.json",
            "ipn-withdrawal-pending.json").map(Docs::json).toList();
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xC3, 0x28}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    private static final String[] BAD_STATES = {"\"two\"", "[]", "{}", "null", "true", "1.5", "1e999999999",
        "-1e999999999", "99999999999999999999", "\"\"", "[2]", "{\"value\": [2]}"};
    private static final String[] BAD_IDS = {"[]", "{}", "null", "true", "\"\"", "1e999999999", "1.5",
        "\"a b\"", "\"" + "x".repeat(200) + "\"", "\"tab\\there\"", "123456789012345678901234"};
    private static final String[] BAD_AMOUNTS = {"\"abc\"", "[]", "{}", "true", "1e999999999", "-1e999999999",
        "\"1e999999999\"", "\"12,50\""};
    private static final String[] LEGAL_ODDITIES = {"1e999999999", "-0", "0.0000000000000000000001", "[]", "{}",
        "\"\\u0000\"", "\"\\ud800\"", "123456789012345678901234567890", "null", "\"ünïcødé\""};

    private static Level savedLevel;

    @BeforeAll
    static void quiet() {
        Logger logger = Logger.getLogger("io.github.payop4j.ipn");
        savedLevel = logger.getLevel();
        logger.setLevel(Level.SEVERE); // thousands of PAYOP-IPN-003 warnings are the point, not worth printing
    }

    @AfterAll
    static void restore() {
        Logger.getLogger("io.github.payop4j.ipn").setLevel(savedLevel);
    }

    record Case(String kind, byte[] body, boolean mustBeMalformed) {
    }

    static Stream<Arguments> journals() {
        return Stream.of(Arguments.of("in-memory", IpnJournal.inMemory()),
                Arguments.of("H2", IpnJournal.jdbc(new UrlDataSource("jdbc:h2:mem:ipn-fuzz;DB_CLOSE_DELAY=-1"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journals")
    void malformedBodiesAreRefusedWith4xxAndTheJournalStaysConsistent(String name, IpnJournal journal) {
        RecordingHandler handler = new RecordingHandler();
        IpnProcessor processor = IpnProcessor.builder().handler(handler).journal(journal).build();
        List<Case> cases = generate(new Random(SEED), COUNT);

        Map<IpnOutcome, Integer> outcomes = new EnumMap<>(IpnOutcome.class);
        List<IpnResult> journaled = new ArrayList<>();
        long started = System.nanoTime();
        for (Case c : cases) {
            IpnResult r = processor.process(IpnFixtures.fromPayop(c.body()));
            outcomes.merge(r.outcome(), 1, Integer::sum);
            assertTrue(r.httpStatus() < 500, () -> c.kind() + " got " + r + " for " + show(c.body()));
            if (c.mustBeMalformed()) {
                int expected = c.body().length > IpnProcessor.DEFAULT_MAX_BODY_BYTES ? 413 : 400;
                assertEquals(expected, r.httpStatus(), () -> c.kind() + " was accepted: " + show(c.body()));
                assertEquals(0, r.journalEntryId(), "malformed bodies are not journaled");
            }
            if (r.journalEntryId() > 0) {
                journaled.add(r);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Fuzz on %s journal: %d bodies in %d ms: %s%n", name, cases.size(), millis, outcomes);

        assertTrue(outcomes.getOrDefault(IpnOutcome.MALFORMED, 0) > COUNT * 3 / 4, outcomes::toString);
        // Consistency: every journaled delivery has its outcome, no claim is left PROCESSING, and
        // every applied claim corresponds to exactly one event handed to the handler.
        int applied = 0;
        for (IpnResult r : journaled) {
            IpnJournal.Entry e = journal.entry(r.journalEntryId()).orElseThrow();
            assertNotNull(e.outcome());
            assertEquals(r.outcome(), e.outcome());
        }
        for (IpnResult r : journaled.stream().filter(r -> r.outcome() == IpnOutcome.PROCESSED
                || r.outcome() == IpnOutcome.ANOMALY).toList()) {
            applied++;
            assertTrue(journal.claims(r.kind(), r.objectId()).stream()
                    .allMatch(c -> c.status() == IpnJournal.ClaimStatus.APPLIED));
        }
        assertEquals(applied, handler.applied.size());
        assertEquals(0, handler.calls.get() - handler.applied.size(), "no handler call failed");
    }

    static List<Case> generate(Random random, int count) {
        List<Case> cases = new ArrayList<>(count);
        cases.add(new Case("empty", new byte[0], true));
        cases.add(new Case("blank", " \n\t ".getBytes(StandardCharsets.UTF_8), true));
        for (String other : List.of("null", "[]", "{}", "123", "\"ipn\"", "true", "[{\"transaction\":{}}]")) {
            cases.add(new Case("not an IPN", other.getBytes(StandardCharsets.UTF_8), true));
        }
        while (cases.size() < count) {
            String doc = DOCS.get(random.nextInt(DOCS.size()));
            switch (random.nextInt(9)) {
                case 0 -> cases.add(new Case("truncated", utf8(doc.substring(0,
                        random.nextInt(doc.lastIndexOf('}')))), true));
                case 1 -> cases.add(new Case("invalid UTF-8", insert(utf8(doc), random.nextInt(doc.length()),
                        INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]), true));
                case 2 -> cases.add(new Case("bad state", utf8(replaceValue(doc, "state",
                        BAD_STATES[random.nextInt(BAD_STATES.length)])), true));
                case 3 -> cases.add(new Case("bad id", utf8(replaceValue(doc, idKey(doc),
                        BAD_IDS[random.nextInt(BAD_IDS.length)])), true));
                case 4 -> cases.add(new Case("missing id", utf8(withoutId(doc)), true));
                case 5 -> cases.add(new Case("deep nesting", utf8(deep(doc, random)), true));
                case 6 -> cases.add(new Case("random bytes", randomBytes(random), true));
                case 7 -> {
                    boolean refundOrWithdrawal = doc.contains("refundId") || doc.contains("withdrawalId");
                    if (refundOrWithdrawal) {
                        cases.add(new Case("bad amount", utf8(replaceValue(doc, "amount",
                                BAD_AMOUNTS[random.nextInt(BAD_AMOUNTS.length)])), true));
                    } else {
                        cases.add(new Case("bad txid", utf8(doc.replaceFirst("\"txid\": \"[^\"]*\"",
                                "\"txid\": \"another\"")), !doc.contains("\"txid\"") ? false : true));
                    }
                }
                default -> cases.add(new Case("mutated", mutate(doc, random), false));
            }
        }
        return cases;
    }

    /** The key of the object id; {@code @tx} stands for the checkout transaction's "id" (not the invoice's). */
    private static String idKey(String doc) {
        return doc.contains("refundId") ? "refundId" : doc.contains("withdrawalId") ? "withdrawalId" : "@tx";
    }

    private static String withoutId(String doc) {
        String key = idKey(doc);
        if (!key.equals("@tx")) {
            return doc.replace("\"" + key + "\"", "\"" + key + "_\"");
        }
        int id = doc.indexOf("\"id\"", doc.indexOf("\"transaction\""));
        return doc.substring(0, id) + "\"id_\"" + doc.substring(id + 4);
    }

    /** Replaces the first value of "key" (a scalar) with the given JSON text. */
    private static String replaceValue(String doc, String key, String json) {
        if (key.equals("@tx")) {
            int tx = doc.indexOf("\"transaction\"");
            int id = doc.indexOf("\"id\"", tx);
            int start = doc.indexOf(':', id) + 1;
            int end = doc.indexOf(',', start);
            return doc.substring(0, start) + " " + json + doc.substring(end);
        }
        int at = doc.indexOf("\"" + key + "\"");
        int start = doc.indexOf(':', at) + 1;
        int end = start;
        while (doc.charAt(end) != ',' && doc.charAt(end) != '\n' && doc.charAt(end) != '}') {
            end++;
        }
        return doc.substring(0, start) + " " + json + doc.substring(end);
    }

    private static String deep(String doc, Random random) {
        int depth = 65 + random.nextInt(random.nextBoolean() ? 100 : 40_000);
        if (random.nextBoolean()) {
            return "[".repeat(depth) + "]".repeat(depth);
        }
        String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        return doc.replaceFirst("\"metadata\": \\{", "\"metadata\": {\"deep\": " + nested.replace("$", "") + ",")
                .replace("\"status\": 1,", "\"status\": 1, \"x\": " + nested + ",");
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[1 + random.nextInt(300)];
        random.nextBytes(b);
        return b;
    }

    /** Arbitrary edits: the result may or may not still be an IPN. */
    private static byte[] mutate(String doc, Random random) {
        StringBuilder s = new StringBuilder(doc);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, "{}[],:\"\\0e-9".charAt(random.nextInt(12)));
                case 2 -> s.setCharAt(at, (char) (' ' + random.nextInt(95)));
                default -> {
                    int colon = s.indexOf(":", at);
                    if (colon > 0) {
                        int end = colon + 1;
                        while (end < s.length() && ",}\n".indexOf(s.charAt(end)) < 0) {
                            end++;
                        }
                        s.replace(colon + 1, end, " " + LEGAL_ODDITIES[random.nextInt(LEGAL_ODDITIES.length)]);
                    }
                }
            }
        }
        return utf8(s.toString());
    }

    private static byte[] insert(byte[] body, int at, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.write(bytes, 0, bytes.length);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String show(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
