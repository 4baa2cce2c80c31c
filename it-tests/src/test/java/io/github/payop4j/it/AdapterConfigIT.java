package io.github.payop4j.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.it.support.ConsoleCapture;
import io.github.payop4j.it.support.FailedDeployment;
import io.github.payop4j.it.support.PayopStub;
import io.github.payop4j.it.support.Wars;
import io.github.payop4j.it.webshop.Faults;
import io.github.payop4j.it.webshop.PaymentObserver;
import io.github.payop4j.it.webshop.ShopDatabase;
import io.github.payop4j.it.webshop.ShopOrder;
import io.github.payop4j.it.webshop.ShopPayopOrders;
import io.github.payop4j.it.webshop.ShopResource;
import io.github.payop4j.it.webshop.ShopService;
import io.github.payop4j.it.webshop.WebshopApplication;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter's own fail-fast configuration check in a real server: the shop WAR (all three
 * modules, a PayopOrders bean) without {@code payop.secret-key} must not deploy, the message must
 * name the property, and the JWT token configured beside it must appear nowhere.
 */
@ExtendWith(ArquillianExtension.class)
class AdapterConfigIT {

    private static final String NO_SECRET = "no-secret-key";
    private static final String JWT = "jwt-must-not-leak-" + System.nanoTime();

    static {
        ConsoleCapture.start();
    }

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = NO_SECRET, managed = false, testable = false)
    static WebArchive withoutSecretKey() {
        return Wars.withPayop4j("payop-no-secret.war", Map.of(
                        "payop.public-key", PayopStub.PUBLIC_KEY,
                        "payop.jwt-token", JWT,
                        "payop.project-id", "prj-it-7",
                        "payop.api-url", "http://127.0.0.1:9/"), Map.of())
                .addClasses(WebshopApplication.class, ShopResource.class, ShopService.class, ShopDatabase.class,
                        ShopOrder.class, ShopPayopOrders.class, Faults.class, PaymentObserver.class);
    }

    @Test
    void aMissingSecretKeyFailsTheDeploymentWithAMessageNamingItAndNoSecret() {
        FailedDeployment failed = FailedDeployment.deploy(deployer, NO_SECRET);
        String evidence = failed.evidence();
        assertTrue(evidence.contains("payop.secret-key"), evidence);
        assertTrue(evidence.contains("missing"), evidence);
        assertFalse(evidence.contains(JWT), "the JWT token reached the deployment failure");
        assertFalse(ConsoleCapture.everything().contains(JWT), "the JWT token reached a log");
    }
}
