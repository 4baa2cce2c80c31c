package io.github.payop4j.ipn.servlet;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds Jakarta REST, JSON-B and JSON-P implementations packed into the WAR itself, next to the
 * server's own. Every implementation registers itself in {@code META-INF/services}; a service
 * file that the application's class loader finds inside one of the WAR's own jars (or its
 * classes) is a second implementation, whatever the jar is called.
 *
 * <p>Why it matters: WildFly and Payara bring these and wire their own endpoints, CDI and JSON
 * handling to them. With a second copy in WEB-INF/lib, which one a class gets depends on the
 * server's class-loading order: payop4j's HTTP client (the server's Jakarta REST client) or the
 * shop's endpoints may run on an implementation the server was not built with, and fail with a
 * {@code LinkageError} or {@code ClassCastException}, sometimes only after a server update.
 */
final class BundledImplementations {

    /** Service interface → what it stands for. */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("jakarta.ws.rs.client.ClientBuilder", "Jakarta REST (JAX-RS)");
        SERVICES.put("jakarta.ws.rs.ext.RuntimeDelegate", "Jakarta REST (JAX-RS)");
        SERVICES.put("jakarta.json.bind.spi.JsonbProvider", "JSON-B");
        SERVICES.put("jakarta.json.spi.JsonProvider", "JSON-P");
    }

    private BundledImplementations() {
    }

    /** The warning for this application, or empty when it bundles none. */
    static Optional<String> check(ServletContext context) {
        Set<String> jars = context.getResourcePaths("/WEB-INF/lib/");
        List<String> names = new ArrayList<>();
        for (String path : jars == null ? Set.<String>of() : jars) {
            if (path.endsWith(".jar")) {
                names.add(path.substring(path.lastIndexOf('/', path.length() - 2) + 1));
            }
        }
        Map<String, Set<String>> found = new LinkedHashMap<>();
        ClassLoader loader = context.getClassLoader();
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            for (URL url : resources(loader, "META-INF/services/" + service.getKey())) {
                String where = insideWar(url.toString(), names);
                if (where != null) {
                    found.computeIfAbsent(service.getValue(), k -> new TreeSet<>()).add(where);
                }
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder what = new StringBuilder();
        found.forEach((kind, where) -> what.append(what.length() == 0 ? "" : "; ").append(kind).append(": ")
                .append(String.join(", ", where)));
        String app = context.getContextPath().isEmpty() ? "/" : context.getContextPath();
        List<String> kinds = new ArrayList<>(found.keySet());
        String named = kinds.size() == 1 ? kinds.get(0) + " implementation"
                : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1)
                        + " implementations";
        return Optional.of("PAYOP-IPN-105 The application " + app + " bundles its own " + named + " in the WAR ("
                + what + "), next to the server's. WildFly and Payara"
                + " provide these and run their own endpoints, CDI and payop4j's HTTP client on them; with a second"
                + " copy in the WAR, which one a class gets depends on class-loading order, so requests may run on"
                + " an implementation the server was not built with and fail with LinkageError or ClassCastException,"
                + " possibly only after a server update (and the WAR carries megabytes it does not need). Remove"
                + " them from the WAR: declare them <scope>provided</scope> or drop the dependencies (the README's"
                + " Java SE quick start lists Jersey and Yasson for plain Java only).");
    }

    /** Where in the WAR the resource lies ({@code jersey-client-3.1.11.jar}, {@code WEB-INF/classes}), or null. */
    static String insideWar(String url, List<String> jarNames) {
        for (String jar : jarNames) {
            // vfs:/.../x.war/WEB-INF/lib/a.jar/META-INF/... (WildFly), jar:file:/.../WEB-INF/lib/a.jar!/... (Payara)
            int at = url.indexOf("/WEB-INF/lib/" + jar);
            int end = at + "/WEB-INF/lib/".length() + jar.length();
            if (at >= 0 && (end == url.length() || url.charAt(end) == '!' || url.charAt(end) == '/')) {
                return jar;
            }
        }
        return url.contains("/WEB-INF/classes/") ? "WEB-INF/classes" : null;
    }

    private static List<URL> resources(ClassLoader loader, String name) {
        try {
            return loader == null ? List.of() : Collections.list(loader.getResources(name));
        } catch (IOException e) {
            return List.of();
        }
    }
}
