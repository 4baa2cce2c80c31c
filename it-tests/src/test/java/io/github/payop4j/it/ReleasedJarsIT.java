package io.github.payop4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Every jar payop4j publishes says which release it is (issue 10, item 8): the packaged jars this
 * reactor built, as a shop's build would get them, carry Implementation-Title, -Version and
 * -Vendor and Specification-Version in their manifests. (No server: it runs after packaging,
 * with the other it-tests.) The User-Agent's release is checked inside both servers by
 * ReadmeQuickStartIT and in payop-core by UserAgentTest.
 */
class ReleasedJarsIT {

    private static final String VERSION = System.getProperty("payop4j.version");

    private static Path jarHolding(String resource) throws URISyntaxException {
        URL url = ReleasedJarsIT.class.getClassLoader().getResource(resource);
        assertNotNull(url, resource + " is not on the test class path");
        assertEquals("jar", url.getProtocol(), "run after packaging (mvn verify): " + url);
        String spec = url.getPath();
        return Path.of(new URI(spec.substring(0, spec.indexOf("!/"))));
    }

    private static void assertRelease(Path jar, String title) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals(VERSION, main.getValue(Attributes.Name.IMPLEMENTATION_VERSION), jar.toString());
            assertEquals(title, main.getValue(Attributes.Name.IMPLEMENTATION_TITLE), jar.toString());
            assertEquals("payop4j", main.getValue(Attributes.Name.IMPLEMENTATION_VENDOR), jar.toString());
            assertTrue(VERSION.startsWith(main.getValue(Attributes.Name.SPECIFICATION_VERSION)), jar.toString());
        }
    }

    @Test
    void everyPublishedJarNamesItsRelease() throws Exception {
        assertNotNull(VERSION, "failsafe sets payop4j.version");
        Map<String, String> modules = Map.of(
                "payop-core", "io/github/payop4j/PayopClient.class",
                "payop-ipn-servlet", "io/github/payop4j/ipn/servlet/PayopIpnServlet.class",
                "payop-jaxrs-adapter", "io/github/payop4j/jaxrs/PayopOrders.class",
                "payop-testkit", "io/github/payop4j/testkit/PayopEmulator.class");
        for (Map.Entry<String, String> m : modules.entrySet()) {
            assertRelease(jarHolding(m.getValue()), m.getKey());
        }
        Path standalone = Path.of("..", "payop-testkit", "target", "payop-testkit-" + VERSION + "-standalone.jar");
        assertTrue(Files.exists(standalone), standalone + " (built with payop-testkit)");
        assertRelease(standalone, "payop-testkit (standalone)");
    }
}
