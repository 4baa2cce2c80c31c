package io.github.payop4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
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
 * name the setting, and the JWT token configured beside it must appear nowhere. The servers run
 * with {@code PAYOP_HTTP_MAX_ATTEMPTS} and {@code PAYOP_IPN_MAX_BODY_BYTES} in their environment
 * (failsafe's environmentVariables): MicroProfile Config lists them under other spellings
 * ({@code payop.http.max.attempts} on WildFly), which must not be reported as unknown (issue 10),
 * while a real typo is.
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
                        "payop.languge", "de",
                        "payop.api-url", "http://127.0.0.1:9/"), Map.of())
                .addClasses(WebshopApplication.class, ShopResource.class, ShopService.class, ShopDatabase.class,
                        ShopOrder.class, ShopPayopOrders.class, Faults.class, PaymentObserver.class);
    }

    @Test
    void aMissingSecretKeyFailsTheDeploymentWithAMessageNamingItAndNoSecretAndOnlyATypoIsReported() {
        FailedDeployment failed = FailedDeployment.deploy(deployer, NO_SECRET);
        String evidence = failed.evidence();
        assertTrue(evidence.contains("payop.secret-key"), evidence);
        assertTrue(evidence.contains("missing"), evidence);
        assertFalse(evidence.contains(JWT), "the JWT token reached the deployment failure");
        assertFalse(ConsoleCapture.everything().contains(JWT), "the JWT token reached a log");

        // Correctly named environment variables are no unknown settings; a typo is (one deployment
        // for both checks: on Payara Micro each deployment is a server JVM).
        String typo = "PAYOP-CONFIG-002 payop.languge is not a payop4j setting and is ignored (did you mean"
                + " payop.language?)";
        assertTrue(ConsoleCapture.countLines(typo, 1) >= 1, ConsoleCapture::console);
        assertEquals(List.of(), ConsoleCapture.console().lines()
                .filter(l -> l.contains("PAYOP-CONFIG-002") && !l.contains("payop.languge")).toList());
        assertFalse(ConsoleCapture.console().contains("PAYOP4J-3001"), "the old unknown-property warning");
    }
}
