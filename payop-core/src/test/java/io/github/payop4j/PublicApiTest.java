package io.github.payop4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module exports exactly the API packages (and the sealed box to payop-testkit alone); a change to
 * this list is a deliberate API change.
 */
class PublicApiTest {

    @Test
    void onlyApiPackagesAreExported() throws IOException {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        Set<String> exported = module.exports().stream().filter(x -> x.targets().isEmpty())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(exported.stream().noneMatch(p -> p.contains(".internal")), exported::toString);
        // The one qualified export: the emulator opens sealed payouts with core's primitives.
        Set<String> qualified = module.exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .map(x -> x.source() + " to " + String.join(",", x.targets()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("io.github.payop4j.internal.crypto to io.github.payop4j.testkit"), qualified);
        assertEquals("io.github.payop4j.core", module.name());
        assertTrue(exported.containsAll(Set.of("io.github.payop4j", "io.github.payop4j.money", "io.github.payop4j.error",
                "io.github.payop4j.invoice", "io.github.payop4j.method", "io.github.payop4j.checkout",
                "io.github.payop4j.transaction", "io.github.payop4j.refund", "io.github.payop4j.withdrawal",
                "io.github.payop4j.balance")), exported::toString);
        Set<String> internal;
        Path classes = Path.of("target", "classes");
        try (var files = Files.walk(classes)) {
            internal = files.filter(f -> f.toString().endsWith(".class") && f.toString().contains("internal"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(internal.containsAll(Set.of("io.github.payop4j.internal.http", "io.github.payop4j.internal.json",
                "io.github.payop4j.internal.api", "io.github.payop4j.internal.crypto")), internal::toString);
    }
}
