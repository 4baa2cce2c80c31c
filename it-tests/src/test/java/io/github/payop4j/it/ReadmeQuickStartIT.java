package io.github.payop4j.it;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.it.support.ConsoleCapture;
import io.github.payop4j.it.support.Http;
import io.github.payop4j.it.support.Readme;
import io.github.payop4j.it.support.Wars;
import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.testkit.SentIpn;
import io.github.payop4j.testkit.TestCards;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's Jakarta EE quick start, followed to the letter from a blank WAR (issue 10): its
 * Java files compiled as written, its MicroProfile Config file, its "Pay" button page, the three
 * payop4j jars and nothing else (no web.xml, no beans.xml). Payop is payop-testkit's emulator,
 * whose printed settings the README tells a user without an account to use (they also stand in
 * for the two environment variables). One press of the button, one card payment, one IPN: order
 * 1001 is paid, and the button answers 404 afterwards. The invoice request also shows that the
 * jar inside the server reports its release in the User-Agent (item 8).
 */
@ExtendWith(ArquillianExtension.class)
class ReadmeQuickStartIT {

    private static final PayopEmulator PAYOP = PayopEmulator.builder()
            .ipnRetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)).start();

    static {
        ConsoleCapture.start();
    }

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive blankWarWithTheReadmesFiles() {
        Readme readme = Readme.read();
        Map<String, String> config = new TreeMap<>(readme.microprofileConfig());
        config.putAll(PAYOP.clientProperties());
        WebArchive war = ShrinkWrap.create(WebArchive.class, "readme-shop.war")
                .addAsLibraries(Wars.payopCore(), Wars.ipnServlet(), Wars.jaxrsAdapter())
                .addAsResource(new StringAsset(Wars.properties(config)), "META-INF/microprofile-config.properties")
                .addAsWebResource(new StringAsset(readme.htmlBlock("hosted-page")), "index.html");
        return Readme.addCompiled(war, readme.javaBlocks("com.example.shop"),
                Path.of("target", "readme-quickstart"));
    }

    @AfterAll
    static void stopPayop() {
        PAYOP.close();
    }

    @Test
    void theReadmesPayButtonLeadsToAPaidOrder() {
        PAYOP.sendIpnsTo(URI.create(base + "payop/ipn"));
        Http http = new Http(base);

        HttpResponse<String> page = http.get("index.html");
        assertEquals(200, page.statusCode(), page::body);
        Matcher form = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">").matcher(page.body());
        assertTrue(form.find(), page.body());
        String payButton = form.group(1);

        HttpResponse<String> pressed = http.postForm(payButton, Map.of());
        assertEquals(303, pressed.statusCode(), pressed::body);
        String hostedPage = pressed.headers().firstValue("Location").orElseThrow();
        assertTrue(hostedPage.startsWith(PAYOP.checkoutUrl().toString()), hostedPage);
        String invoiceId = hostedPage.substring(hostedPage.lastIndexOf('/') + 1);

        String transaction = PAYOP.pay(invoiceId, TestCards.SUCCESS);
        List<SentIpn> ipns = PAYOP.awaitIpns(1, Duration.ofSeconds(60));
        assertEquals(transaction, ipns.get(0).objectId());
        assertEquals(200, ipns.get(0).status(), ipns::toString);
        assertEquals("ok", ipns.get(0).response().trim());
        assertTrue(ConsoleCapture.countLines("Order 1001 is paid", 1) >= 1, "the README's observer ran");

        HttpResponse<String> again = http.postForm(payButton, Map.of());
        assertEquals(404, again.statusCode(), "a paid order is no longer payable: " + again.body());

        String agent = PAYOP.wireMock().findAll(postRequestedFor(urlEqualTo("/v1/invoices/create"))).get(0)
                .getHeader("User-Agent");
        assertTrue(agent.startsWith("payop4j/" + System.getProperty("payop4j.version") + " Java/"), agent);
        assertTrue(agent.endsWith(" payop-jaxrs-adapter"), agent);
    }
}
