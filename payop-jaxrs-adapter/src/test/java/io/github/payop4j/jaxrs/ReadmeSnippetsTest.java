package io.github.payop4j.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.ipn.IpnOrderLookup;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of README.md compiles exactly as written, imports included, with no warning:
 * each block is a whole source file, and all of them are compiled together against this
 * module's test class path (payop-core, payop-ipn-servlet, this adapter, payop-testkit, the
 * Jakarta APIs, JUnit). No block is chosen by a marker, so a new snippet cannot slip in
 * uncompiled; a code block without a language is refused, so none can hide as plain text.
 * Lives here because this module's test class path is the only one with every module on it.
 */
class ReadmeSnippetsTest {

    private static final Pattern FENCE = Pattern.compile("(?m)^```([A-Za-z0-9_-]*)\\n(.*?)^```\\s*$",
            Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");

    private static final Path OUT = Path.of("target", "readme-snippets");
    private static final List<String> LANGUAGES = List.of("java", "xml", "bash", "properties", "html");

    private static Map<String, String> sources;

    /** README's blocks in order: language → content, as (language, content) pairs. */
    static List<String[]> blocks() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<String[]> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(readme);
        while (m.find()) {
            blocks.add(new String[] {m.group(1), m.group(2)});
        }
        return blocks;
    }

    @BeforeAll
    static void compileEveryJavaBlock() throws IOException, InterruptedException {
        deleteTree(OUT); // no source or class of an earlier README may stand in for today's
        sources = new LinkedHashMap<>();
        Path src = OUT.resolve("src");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac")
                .toString(), "-encoding", "UTF-8", "-Xlint:all", "-Werror", "-proc:none",
                "-classpath", System.getProperty("java.class.path"), "-d", OUT.resolve("classes").toString()));
        for (String[] block : blocks()) {
            if (!block[0].equals("java")) {
                continue;
            }
            Matcher type = TYPE.matcher(block[1]);
            assertTrue(type.find(), "a Java block of the README is not a whole source file with a public type:\n"
                    + block[1]);
            Matcher pkg = PACKAGE.matcher(block[1]);
            String name = (pkg.find() ? pkg.group(1) + "." : "") + type.group(1);
            assertFalse(sources.containsKey(name), "two README blocks declare " + name);
            sources.put(name, block[1]);
            Path file = src.resolve(name.replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, block[1], StandardCharsets.UTF_8);
            command.add(file.toString());
        }
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, javac.waitFor(), "README code does not compile:\n" + output);
        assertEquals("", output.trim(), "README code compiles with warnings");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void everyJavaBlockIsCompiledAndEveryCodeBlockNamesItsLanguage() throws IOException {
        assertTrue(sources.keySet().containsAll(List.of("QuickStart", "com.example.shop.OrderRepository",
                "com.example.shop.ShopOrders", "com.example.shop.PaymentObserver", "IpnServer",
                "CheckoutWithPayopTest")), sources.keySet().toString());
        for (String[] block : blocks()) {
            assertTrue(LANGUAGES.contains(block[0]), "a README code block has the language \"" + block[0]
                    + "\" (one of " + LANGUAGES + "; Java blocks are compiled, so mark them java):\n" + block[1]);
        }
    }

    @Test
    void theQuickStartsOrdersAnswerCheckoutAndIpnVerificationEachByItsOwnContract() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {OUT.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            Object repository = loader.loadClass("com.example.shop.OrderRepository").getConstructor().newInstance();
            PayopOrders orders = (PayopOrders) loader.loadClass("com.example.shop.ShopOrders").getConstructor()
                    .newInstance();
            Field injected = orders.getClass().getDeclaredField("orders");
            injected.setAccessible(true);
            injected.set(orders, repository);

            PayopOrder order = orders.findPayable("1001").orElseThrow();
            assertEquals("49.90", order.amount().value());
            assertEquals("EUR", order.currency().code());
            assertEquals("jane@example.com", order.payer().email());
            assertEquals(Optional.empty(), orders.findPayable("1002"));

            repository.getClass().getMethod("markPaid", String.class).invoke(repository, "1001");
            assertEquals(Optional.empty(), orders.findPayable("1001"), "a paid order cannot be paid again");
            assertEquals(Optional.of(new IpnOrderLookup.Order("49.90", "EUR")), orders.findForIpn("1001"),
                    "but its IPN is verified against it");
            assertEquals(Optional.empty(), orders.findForIpn("1002"));
        }
    }
}
