package io.github.payop4j.ipn.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A WAR laid out on disk (WEB-INF/lib) with a class loader over its jars, as a server builds
 * one: implementations inside it are named, the same jars outside it (the server's) are not.
 */
class BundledImplementationsTest {

    private static Path jarOf(String resource) throws URISyntaxException {
        String url = BundledImplementationsTest.class.getClassLoader().getResource(resource).toString();
        return Path.of(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/"))));
    }

    private static Optional<String> check(Path war, List<Path> serverJars) throws IOException {
        Set<String> paths = new TreeSet<>();
        List<URL> urls = new ArrayList<>();
        Path lib = war.resolve("WEB-INF/lib");
        if (Files.isDirectory(lib)) {
            try (var jars = Files.list(lib)) {
                for (Path jar : jars.toList()) {
                    paths.add("/WEB-INF/lib/" + jar.getFileName());
                    urls.add(jar.toUri().toURL());
                }
            }
        }
        for (Path jar : serverJars) {
            urls.add(jar.toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            ServletContext context = (ServletContext) Proxy.newProxyInstance(getLoader(),
                    new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getResourcePaths": return "/WEB-INF/lib/".equals(args[0]) ? paths : null;
                            case "getClassLoader": return loader;
                            case "getContextPath": return "/shop";
                            default: throw new UnsupportedOperationException(method.getName());
                        }
                    });
            return BundledImplementations.check(context);
        }
    }

    private static ClassLoader getLoader() {
        return BundledImplementationsTest.class.getClassLoader();
    }

    private static Path war(String name, Path... libs) throws IOException {
        Path war = Path.of("target", "wars", name);
        Path lib = Files.createDirectories(war.resolve("WEB-INF/lib"));
        for (Path jar : libs) {
            Files.copy(jar, lib.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return war;
    }

    @Test
    void jerseyAndYassonInTheWarAreNamedWithWhyAndWhatToDo() throws Exception {
        Path jerseyClient = jarOf("org/glassfish/jersey/client/JerseyClientBuilder.class");
        Path jerseyCommon = jarOf("org/glassfish/jersey/internal/RuntimeDelegateImpl.class");
        Path yasson = jarOf("org/eclipse/yasson/JsonBindingProvider.class");
        Optional<String> warning = check(war("bundling", jerseyClient, jerseyCommon, yasson), List.of());
        assertTrue(warning.isPresent());
        String w = warning.get();
        assertTrue(w.startsWith("PAYOP-IPN-105 The application /shop bundles its own Jakarta REST (JAX-RS) and JSON-B"
                + " implementations in the WAR"), w);
        assertTrue(w.contains(jerseyClient.getFileName().toString()), w);
        assertTrue(w.contains(jerseyCommon.getFileName().toString()), w);
        assertTrue(w.contains("JSON-B: " + yasson.getFileName()), w);
        assertTrue(w.contains("<scope>provided</scope>"), w);
        assertTrue(w.contains("LinkageError"), "says why it matters: " + w);
    }

    @Test
    void theServersOwnImplementationsAndAWarWithoutAnyAreNoWarning() throws Exception {
        Path jerseyClient = jarOf("org/glassfish/jersey/client/JerseyClientBuilder.class");
        Path yasson = jarOf("org/eclipse/yasson/JsonBindingProvider.class");
        Path servletJar = jarOf("jakarta/servlet/ServletContext.class");
        assertEquals(Optional.empty(), check(war("clean", servletJar), List.of(jerseyClient, yasson)));
    }

    @Test
    void onlyTheWarsOwnJarsCountWhateverTheServersUrlsLookLike() {
        List<String> jars = List.of("yasson-3.0.4.jar", "payop-core.jar");
        assertEquals("yasson-3.0.4.jar", BundledImplementations.insideWar(
                "vfs:/content/shop.war/WEB-INF/lib/yasson-3.0.4.jar/META-INF/services/x", jars));
        assertEquals("yasson-3.0.4.jar", BundledImplementations.insideWar(
                "jar:file:/srv/payara/applications/shop/WEB-INF/lib/yasson-3.0.4.jar!/META-INF/services/x", jars));
        assertEquals(null, BundledImplementations.insideWar(
                "jar:file:/opt/wildfly/modules/system/layers/base/org/eclipse/yasson/main/yasson-3.0.4.jar!/x", jars));
        assertEquals(null, BundledImplementations.insideWar(
                "jar:file:/srv/app/WEB-INF/lib/yasson-3.0.4.jar.bak!/x", jars));
    }
}
