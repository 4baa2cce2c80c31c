package io.github.payop4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.it.pages.PagesOrders;
import io.github.payop4j.it.support.Http;
import io.github.payop4j.it.support.Wars;
import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.testkit.TestCards;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The payer pages in the shop's look (issue 10, item 9): a WAR with its own template
 * ({@code payop.pages.template}, in WEB-INF/classes) and stylesheet ({@code payop.pages.stylesheet},
 * served by the WAR itself). A card payment that needs 3-D Secure (payop-testkit's emulator, test
 * card 4000 0000 0000 3220) makes {@code continue} render the auto-submitting form inside the
 * shop's template, with the library's Content-Security-Policy and a fresh nonce on its one script;
 * query data sent to the page appears nowhere in it.
 */
@ExtendWith(ArquillianExtension.class)
class PayerPagesIT {

    private static final PayopEmulator PAYOP = PayopEmulator.builder().start();
    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{title}} | Coffee Roasters</title>
            {{head}}
            </head>
            <body class="roasters">
            <header class="roasters-header">Coffee Roasters</header>
            {{content}}
            </body>
            </html>
            """;
    private static final String CSS = ".roasters-header { font-weight: bold; }\n";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive shopWithItsOwnPages() {
        Map<String, String> config = new TreeMap<>(PAYOP.clientProperties());
        config.put("payop.pages.template", "payop/page.html");
        config.put("payop.pages.stylesheet", "/payer-pages/css/roasters.css");
        config.put("payop.result-url", "https://shop.example/paid?invoice={{invoiceId}}");
        config.put("payop.ipn.datasource", "none");
        return ShrinkWrap.create(WebArchive.class, "payer-pages.war")
                .addAsLibraries(Wars.payopCore(), Wars.ipnServlet(), Wars.jaxrsAdapter())
                .addClass(PagesOrders.class)
                .addAsResource(new StringAsset(Wars.properties(config)), "META-INF/microprofile-config.properties")
                .addAsResource(new StringAsset(TEMPLATE), "payop/page.html")
                .addAsWebResource(new StringAsset(CSS), "css/roasters.css");
    }

    @AfterAll
    static void stopPayop() {
        PAYOP.close();
    }

    @Test
    void theThreeDSecureHandOffUsesTheShopsTemplateAndStylesheetAndKeepsTheNonceCsp() {
        Http http = new Http(base);
        HttpResponse<String> started = http.postJson("payop-checkout/payop/orders/p-1/card", """
                {"pan": "%s", "expirationDate": "12/30", "cvv": "123", "holderName": "JANE DOE",
                 "email": "jane@example.com"}""".formatted(TestCards.THREE_D_SECURE));
        assertEquals(200, started.statusCode(), started::body);
        JsonObject answer = Json.createReader(new StringReader(started.body())).readObject();
        String cont = URI.create(answer.getString("continue")).getPath().substring(base.getPath().length());

        String hostile = "<script>alert('query')</script>";
        HttpResponse<String> page = http.get(cont + "?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode(), page::body);
        String html = page.body();
        assertTrue(html.contains("<header class=\"roasters-header\">Coffee Roasters</header>"), html);
        assertTrue(html.contains("<title>Redirecting to your bank | Coffee Roasters</title>"), html);
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/payer-pages/css/roasters.css\">"), html);
        assertTrue(html.contains("<form id=\"payop-continue\" method=\"post\" action=\"" + PAYOP.apiUrl()), html);
        assertFalse(html.contains("alert('query')"), "query data never reaches the page");

        Matcher nonce = Pattern.compile("<script nonce=\"([A-Za-z0-9+/=]+)\">").matcher(html);
        assertTrue(nonce.find(), html);
        assertEquals(1, html.split("<script", -1).length - 1, "one script, the library's: " + html);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.startsWith("default-src 'none'"), csp);
        assertTrue(csp.contains("script-src 'nonce-" + nonce.group(1) + "'"), csp);
        assertTrue(csp.contains("style-src 'self' 'unsafe-inline';"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());

        HttpResponse<String> css = http.get("css/roasters.css");
        assertEquals(200, css.statusCode(), "the stylesheet the page links is served by the WAR");
        assertEquals(CSS, css.body());
    }
}
