package io.github.payop4j.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.it.ledger.Ledger;
import io.github.payop4j.it.ledger.LedgerApplication;
import io.github.payop4j.it.ledger.LedgerHandler;
import io.github.payop4j.it.months.OrdersWithoutPayer;
import io.github.payop4j.it.support.FailedDeployment;
import io.github.payop4j.it.support.Wars;
import io.github.payop4j.it.webshop.ShopDatabase;
import io.github.payop4j.it.webshop.ShopOrder;
import io.github.payop4j.it.webshop.ShopService;
import io.github.payop4j.ipn.IpnHandler;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * README (payop-ipn-servlet): "a bad configuration fails the deployment instead of acknowledging
 * IPNs". Secure by default (issue 13): a WAR without a JWT token and without an explicit
 * {@code payop.ipn.verify-with-api=false} does not deploy, and the message names both settings:
 * the servlet alone, and the CDI adapter (which brings the servlet).
 */
@ExtendWith(ArquillianExtension.class)
class IpnServletConfigIT {

    private static final String NO_TOKEN = "verify-without-token";
    private static final String ADAPTER_NO_TOKEN = "adapter-without-token";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = NO_TOKEN, managed = false, testable = false)
    static WebArchive verifyWithoutToken() {
        return Wars.withIpnServlet("payop-ipn-no-token.war", Map.of("payop.ipn.allowed-ips", "127.0.0.1"))
                .addClasses(Ledger.class, LedgerApplication.class, LedgerApplication.Entries.class,
                        LedgerApplication.Setup.class, LedgerHandler.class)
                .addAsServiceProvider(IpnHandler.class, LedgerHandler.class);
    }

    @Deployment(name = ADAPTER_NO_TOKEN, managed = false, testable = false)
    static WebArchive adapterWithoutToken() {
        return Wars.withPayop4j("payop-adapter-no-token.war", Map.of("payop.public-key", "application-it",
                        "payop.secret-key", "it-secret-never-shown", "payop.ipn.allowed-ips", "127.0.0.1"), Map.of())
                .addClasses(OrdersWithoutPayer.class, ShopService.class, ShopDatabase.class, ShopOrder.class);
    }

    @Test
    void withoutATokenTheAdapterDeploymentFailsNamingBothSettings() {
        String evidence = FailedDeployment.deploy(deployer, ADAPTER_NO_TOKEN).evidence();
        assertTrue(evidence.contains("payop.jwt-token: missing"), evidence);
        assertTrue(evidence.contains("payop.ipn.verify-with-api=false"), evidence);
        assertTrue(!evidence.contains("it-secret-never-shown"), evidence);
    }

    @Test
    void withoutATokenTheDeploymentFailsNamingBothSettings() {
        FailedDeployment failed = FailedDeployment.deploy(deployer, NO_TOKEN);
        String evidence = failed.evidence();
        assertTrue(evidence.contains("payop.jwt-token: missing"), evidence);
        assertTrue(evidence.contains("payop.ipn.verify-with-api=false"), evidence);
    }
}
