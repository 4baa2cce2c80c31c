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

/** The module exports exactly the API packages; a change to this list is a deliberate API change. */
class PublicApiTest {

    @Test
    void onlyApiPackagesAreExported() throws IOException {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(exported.stream().noneMatch(p -> p.contains(".internal")), exported::toString);
        assertTrue(exported.stream().allMatch(e -> module.exports().stream()
                .filter(x -> x.source().equals(e)).allMatch(x -> x.targets().isEmpty())), "no qualified exports");
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
