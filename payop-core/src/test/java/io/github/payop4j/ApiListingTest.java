package io.github.payop4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * payop-core's public surface, listed by reflection from the exported packages, must equal the
 * checked-in {@code api/payop-core.api}: the API changes only on purpose. After a deliberate
 * change, regenerate the file and commit it with the change:
 *
 * <pre>mvn -B -o verify -pl payop-core -Dtest=ApiListingTest -Dpayop4j.api.update=true</pre>
 *
 * <p>The naming rules of the brief are checked on the same surface: builders are nested classes
 * named {@code Builder} reached by a static {@code builder(...)} of their type, and no method or
 * constructor takes a boolean next to other parameters (a bare {@code true} at a call site says
 * nothing).
 */
class ApiListingTest {

    private static final Path LISTING = Path.of("api", "payop-core.api");
    private static final Path CLASSES = Path.of("target", "classes");

    /**
     * Values the library creates and callers only read, whose record or exception constructors
     * carry a boolean: allowed, but no request, option or builder type may join them.
     */
    private static final Set<String> LIBRARY_CREATED = Set.of(
            "io.github.payop4j.checkout.CheckoutResult", "io.github.payop4j.method.PayerField",
            "io.github.payop4j.ipn.IpnFacts", "io.github.payop4j.error.PayopConnectionException",
            "io.github.payop4j.error.PayopTimeoutException", "io.github.payop4j.error.PayopRejectedException");

    @Test
    void thePublicSurfaceIsTheCheckedInListing() throws IOException {
        String actual = listing();
        if (Boolean.getBoolean("payop4j.api.update")) {
            Files.createDirectories(LISTING.getParent());
            Files.writeString(LISTING, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(LISTING) ? Files.readString(LISTING, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            Set<String> was = new LinkedHashSet<>(expected.lines().toList());
            Set<String> now = new LinkedHashSet<>(actual.lines().toList());
            String removed = was.stream().filter(l -> !now.contains(l)).map(l -> "  - " + l)
                    .collect(Collectors.joining("\n"));
            String added = now.stream().filter(l -> !was.contains(l)).map(l -> "  + " + l)
                    .collect(Collectors.joining("\n"));
            fail("payop-core's public API differs from " + LISTING + ".\n" + removed + "\n" + added
                    + "\nIf the change is deliberate, regenerate the listing and commit it:\n"
                    + "  mvn -B -o verify -pl payop-core -Dtest=ApiListingTest -Dpayop4j.api.update=true");
        }
    }

    @Test
    void buildersAreNestedAndReachedByBuilder() throws IOException {
        List<Class<?>> types = publicTypes();
        for (Class<?> type : types) {
            if (type.getSimpleName().endsWith("Builder")) {
                assertEquals("Builder", type.getSimpleName(), type.getName() + ": name builders Builder");
                Class<?> owner = type.getEnclosingClass();
                assertTrue(owner != null, type.getName() + " must be nested in the type it builds");
                assertTrue(Arrays.stream(owner.getMethods()).anyMatch(m -> m.getName().equals("builder")
                        && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type),
                        owner.getName() + " must offer a static builder() returning its Builder");
            }
        }
        assertTrue(types.stream().anyMatch(t -> t.getName().equals("io.github.payop4j.PayopClient$Builder")));
    }

    @Test
    void noBareBooleanNextToOtherParameters() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            if (LIBRARY_CREATED.contains(type.getName())) {
                continue;
            }
            Stream.concat(Arrays.stream(type.getDeclaredConstructors()), Arrays.stream(type.getDeclaredMethods()))
                    .filter(e -> isVisible(e.getModifiers()) && !e.isSynthetic())
                    .filter(e -> e.getParameterCount() > 1 && Arrays.stream(e.getParameterTypes())
                            .anyMatch(p -> p == boolean.class || p == Boolean.class))
                    .forEach(e -> offenders.add(e.toGenericString()));
        }
        assertEquals(List.of(), offenders, "use a named option, an enum or two methods instead");
    }

    /** Every public or protected type and member of the exported packages, one per line, sorted. */
    static String listing() throws IOException {
        TreeMap<String, List<String>> byType = new TreeMap<>();
        for (Class<?> type : publicTypes()) {
            // Members without their declaring type's name, which the header line already gives.
            String own = " " + type.getName() + ".";
            Set<String> members = new TreeSet<>();
            for (Field f : type.getDeclaredFields()) {
                if (isVisible(f.getModifiers()) && !f.isSynthetic()) {
                    members.add(f.toGenericString().replace(own, " "));
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (isVisible(c.getModifiers()) && !c.isSynthetic()) {
                    members.add(c.toGenericString());
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (isVisible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    members.add(m.toGenericString().replace(own, " "));
                }
            }
            List<String> lines = new ArrayList<>();
            lines.add(header(type));
            members.forEach(m -> lines.add("  " + m));
            byType.put(type.getName(), lines);
        }
        return byType.values().stream().flatMap(List::stream).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String header(Class<?> type) {
        StringBuilder b = new StringBuilder(type.toGenericString());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && superclass != Record.class
                && !(type.isEnum() && type.getSuperclass() == Enum.class)) {
            b.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            b.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
                    .map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return b.toString();
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Public types of the packages module-info exports to everyone, nested ones included. */
    static List<Class<?>> publicTypes() throws IOException {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        List<Class<?>> out = new ArrayList<>();
        for (ModuleDescriptor.Exports export : module.exports()) {
            if (export.isQualified()) {
                continue;
            }
            Path dir = CLASSES.resolve(export.source().replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String name = export.source() + "." + file.getFileName().toString().replace(".class", "");
                    Class<?> type = load(name);
                    if (isPublicType(type)) {
                        out.add(type);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isPublicType(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!isVisible(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiListingTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
