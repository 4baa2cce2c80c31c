package io.github.payop4j.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.it.broken.SecretKeyCheck;
import io.github.payop4j.it.support.FailedDeployment;
import io.github.payop4j.it.support.Server;
import io.github.payop4j.it.support.Wars;
import java.util.Map;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deployment whose start-up check throws must fail visibly, with the check's message reaching
 * the test. This is the mechanism the adapter's fail-fast configuration check will rely on.
 */
@ExtendWith(ArquillianExtension.class)
class FailingDeploymentIT {

    private static final String BROKEN = "broken";

    @ArquillianResource
    private Deployer deployer;

    /** payop.secret-key is deliberately absent. */
    @Deployment(name = BROKEN, managed = false, testable = false)
    static WebArchive broken() {
        return Wars.withPayopCore("payop-broken.war", Map.of("payop.public-key", "application-it"))
                .addClass(SecretKeyCheck.class);
    }

    @Test
    void aMissingSecretKeyFailsTheDeploymentAndTheMessageReachesTheTest() {
        FailedDeployment failed = FailedDeployment.deploy(deployer, BROKEN);

        if (Server.current() == Server.WILDFLY) {
            // The management operation fails and Arquillian rethrows its failure description.
            assertNotNull(failed.exception(), "the deployment should have failed:\n" + failed.console());
            assertTrue(failed.exception() instanceof DeploymentException, failed.exceptionText());
            assertTrue(failed.exceptionText().contains(SecretKeyCheck.MESSAGE), failed.exceptionText());
        } else {
            // Payara Micro boots without the application and the adapter does not complain.
            assertNull(failed.exception(), failed.exceptionText());
            String console = failed.console();
            assertTrue(console.contains("Exception while loading the app"), console);
            assertTrue(console.contains("IllegalStateException: " + SecretKeyCheck.MESSAGE), console);
            assertFalse(console.contains("\"Name\": \"payop-broken\""), console);
        }
    }
}
