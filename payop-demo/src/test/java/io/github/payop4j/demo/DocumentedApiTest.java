package io.github.payop4j.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo is the reference integration: its shop code (the WAR's classes) may use only what the
 * README documents. Every payop4j type its class files refer to must be named in README.md (or be
 * what an accessor the README shows returns, such as {@code payop.refunds()}), and
 * none may come from an {@code internal} package, the testkit, or the IPN pipeline's own
 * assembly (a Jakarta EE shop never builds an {@code IpnProcessor}; it may inject the adapter's).
 */
class DocumentedApiTest {

    private static final Pattern PAYOP_TYPE = Pattern.compile("io/github/payop4j/([a-z0-9/]+/)?([A-Z][A-Za-z0-9_]*)");
    private static final String SHOP = "io/github/payop4j/demo/";

    @Test
    void theShopUsesOnlyTypesTheReadmeNames() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Map<String, Set<String>> used = referencedTypes(Path.of("target", "classes"));
        assertFalse(used.isEmpty(), "the shop uses payop4j");
        Map<String, Set<String>> undocumented = new TreeMap<>();
        used.forEach((type, users) -> {
            String simple = type.substring(type.lastIndexOf('/') + 1);
            // Named, or reached by an accessor the README shows (payop.refunds() is Refunds).
            String accessor = "." + Character.toLowerCase(simple.charAt(0)) + simple.substring(1) + "()";
            if (!Pattern.compile("\\b" + simple + "\\b").matcher(readme).find() && !readme.contains(accessor)) {
                undocumented.put(type, users);
            }
        });
        assertEquals(Map.of(), undocumented, "payop4j types the demo uses but README.md does not name");
    }

    @Test
    void theShopReachesIntoNoInternalsAndBuildsNoPipeline() throws IOException {
        Map<String, Set<String>> used = referencedTypes(Path.of("target", "classes"));
        for (String type : used.keySet()) {
            assertFalse(type.contains("/internal/"), type + " is internal, used by " + used.get(type));
            assertFalse(type.contains("/testkit/"), type + " is the testkit, used by " + used.get(type));
            assertFalse(type.endsWith("/PayopSettings"), type + " is the library's own assembly, used by "
                    + used.get(type));
        }
        // The shop may use the IpnProcessor the adapter produces (@Inject: its journal, the sweep),
        // never build one.
        try (Stream<Path> files = Files.walk(Path.of("target", "classes"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("io/github/payop4j/ipn/IpnProcessor$Builder"),
                        f + " builds its own IpnProcessor; a Jakarta EE shop injects the adapter's");
            }
        }
        assertTrue(used.containsKey("io/github/payop4j/jaxrs/PayopOrders"), used.keySet().toString());
        assertTrue(used.containsKey("io/github/payop4j/ipn/IpnEvent"), used.keySet().toString());
    }

    /** payop4j types (outermost class) named in the constant pools of the shop's classes, with their users. */
    static Map<String, Set<String>> referencedTypes(Path classes) throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                // Class names in the constant pool are plain ASCII: reading the bytes as Latin-1 finds them.
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                Matcher m = PAYOP_TYPE.matcher(bytes);
                while (m.find()) {
                    String type = m.group().replaceAll("\\$.*", "");
                    if (!type.startsWith(SHOP)) {
                        used.computeIfAbsent(type, k -> new TreeSet<>()).add(classes.relativize(f).toString());
                    }
                }
            }
        }
        return used;
    }
}
