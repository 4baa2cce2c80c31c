package io.github.payop4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.it.support.ConsoleCapture;
import io.github.payop4j.it.support.Wars;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR that packs Jersey and Yasson (as a user copying the Java SE quick start into a WAR
 * would) deploys, and payop4j says once, at start-up, that it bundles a second JAX-RS and JSON
 * implementation next to the server's, naming the jars (issue 10, item 7); the same WAR without
 * them is not warned about. Both WARs hold payop-core and payop-ipn-servlet with the IPN endpoint
 * switched off, so nothing else differs.
 */
@ExtendWith(ArquillianExtension.class)
class BundledImplementationIT {

    private static final String BUNDLED = "bundled";
    private static final String CLEAN = "clean";
    private static final Map<String, String> IPN_OFF = Map.of("payop.ipn.enabled", "false",
            "payop.ipn.verify-with-api", "false");

    static {
        ConsoleCapture.start();
    }

    @ArquillianResource
    private Deployer deployer;

    private static JavaArchive jar(String resource) {
        return Wars.fromClassPath(resource, resource.replace('/', '-') + ".jar");
    }

    @Deployment(name = BUNDLED, managed = false, testable = false)
    static WebArchive withJerseyAndYasson() {
        return Wars.withIpnServlet(BUNDLED + ".war", IPN_OFF).addAsLibraries(
                jar("org/glassfish/jersey/client/JerseyClientBuilder.class"),
                jar("org/glassfish/jersey/internal/RuntimeDelegateImpl.class"),
                jar("org/eclipse/yasson/JsonBindingProvider.class"),
                jar("org/eclipse/parsson/JsonProviderImpl.class"));
    }

    @Deployment(name = CLEAN, managed = false, testable = false)
    static WebArchive withoutThem() {
        return Wars.withIpnServlet(CLEAN + ".war", IPN_OFF);
    }

    @Test
    void aWarBundlingJerseyAndYassonIsWarnedAboutOnceAndACleanOneIsNot() {
        String bundledLine = "PAYOP-IPN-105 The application /" + BUNDLED + " bundles its own";
        deployer.deploy(BUNDLED);
        try {
            assertEquals(1, ConsoleCapture.countLines(bundledLine, 1), ConsoleCapture::console);
        } finally {
            deployer.undeploy(BUNDLED);
        }
        String line = ConsoleCapture.console().lines().filter(l -> l.contains(bundledLine)).findFirst().orElseThrow();
        for (String named : List.of("Jakarta REST (JAX-RS): jersey-client-", "jersey-common-", "JSON-B: yasson-",
                "JSON-P: parsson-", "<scope>provided</scope>")) {
            assertTrue(line.contains(named), named + " in " + line);
        }

        deployer.deploy(CLEAN);
        try {
            assertEquals(0, ConsoleCapture.console().lines()
                    .filter(l -> l.contains("PAYOP-IPN-105 The application /" + CLEAN + " ")).count());
            assertEquals(1, ConsoleCapture.countLines(bundledLine, 1), "warned once, not per request or servlet");
        } finally {
            deployer.undeploy(CLEAN);
        }
    }
}
