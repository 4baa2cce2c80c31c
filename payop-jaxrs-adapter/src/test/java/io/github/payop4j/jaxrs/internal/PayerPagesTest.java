package io.github.payop4j.jaxrs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.config.Setting;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages the payer's browser sees on the shop's domain (3-D Secure hand-off, waiting page):
 * a default look, the shop's own template and stylesheet, and a Content-Security-Policy that
 * only the library writes, with a fresh nonce for the one script.
 */
class PayerPagesTest {

    static final String ID = NextStepTest.ID;
    static final String PENDING = "{\"isSuccess\": true, \"status\": \"pending\", \"form\": [], \"url\": \"\"}";

    @RegisterExtension
    static WireMockExtension payop = Fixture.payop();

    private Fixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.close();
        }
    }

    private Response page(Map<String, String> settings, String status) {
        f = new Fixture(payop, settings);
        Fixture.invoiceStatus(payop, ID, status);
        Response r = f.invoiceResource.continuePayment(ID);
        assertEquals(200, r.getStatus(), Fixture.text(r));
        return r;
    }

    private static String nonceOf(String html) {
        Matcher m = Pattern.compile("<script nonce=\"([A-Za-z0-9+/=]+)\">").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    @Test
    void theDefaultPagesHaveALookAndOnlyTheNoncedScriptMayRun() {
        Response r = page(Map.of(), NextStepTest.THREE_DS);
        String html = Fixture.text(r);
        assertTrue(html.contains("<meta name=\"viewport\""), html);
        assertTrue(html.contains("<main class=\"payop-page\">"), html);
        assertTrue(html.contains(".payop-page{"), "the default styles: " + html);
        String csp = r.getHeaderString("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'nonce-" + nonceOf(html) + "'"), csp);
        assertTrue(csp.startsWith("default-src 'none'"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertFalse(csp.contains("script-src 'unsafe-inline'"), csp);

        String waiting = Fixture.text(page(Map.of(), PENDING));
        assertTrue(waiting.contains("class=\"payop-spinner\""), waiting);
    }

    @Test
    void theShopsTemplateAndStylesheetAreUsedAndTheCspStaysTheLibrarys() {
        Map<String, String> shop = Map.of(Setting.PAGES_TEMPLATE.key(), "payop/shop-page.html",
                Setting.PAGES_STYLESHEET.key(), "https://cdn.coffee.example/css/payop.css?v=2");
        Response r = page(shop, NextStepTest.THREE_DS);
        String html = Fixture.text(r);
        assertTrue(html.contains("<header class=\"shop-header\">Coffee Roasters</header>"), html);
        assertTrue(html.contains("<title>Redirecting to your bank | Coffee Roasters</title>"), html);
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"https://cdn.coffee.example/css/payop.css?v=2\">"),
                html);
        assertTrue(html.indexOf(".payop-page{") < html.indexOf("<link rel=\"stylesheet\""),
                "the shop's stylesheet comes after the defaults, so it wins");
        assertTrue(html.contains("<form id=\"payop-continue\" method=\"post\" action=\"https://acs.anybank.com/\""), html);
        String csp = r.getHeaderString("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'nonce-" + nonceOf(html) + "'"), csp);
        assertTrue(csp.contains("style-src 'self' 'unsafe-inline' https://cdn.coffee.example"), csp);
        assertTrue(csp.contains("font-src 'self' https://cdn.coffee.example"), csp);

        String waiting = Fixture.text(page(shop, PENDING));
        assertTrue(waiting.contains("<footer class=\"shop-footer\">"), waiting);
        assertTrue(waiting.contains("<meta http-equiv=\"refresh\" content=\"5\">"), waiting);
    }

    @Test
    void aStylesheetOnTheShopsOwnServerNeedsNoOtherOrigin() {
        Response r = page(Map.of(Setting.PAGES_STYLESHEET.key(), "/shop/css/payop.css"), PENDING);
        assertTrue(Fixture.text(r).contains("<link rel=\"stylesheet\" href=\"/shop/css/payop.css\">"));
        assertTrue(r.getHeaderString("Content-Security-Policy").contains("style-src 'self' 'unsafe-inline';"),
                r.getHeaderString("Content-Security-Policy"));
    }

    @Test
    void valuesFromPayopNeverReachTheTemplatesPlaceholders() {
        Response r = page(Map.of(Setting.PAGES_TEMPLATE.key(), "payop/shop-page.html"), """
                {"status": "pending", "form": {"method": "POST", "url": "https://acs.example/",
                 "fields": {"MD": "{{head}}{{content}}<script>alert(1)</script>"}}}""");
        String html = Fixture.text(r);
        assertEquals(1, html.split("<script", -1).length - 1, "only the library's script: " + html);
        assertEquals(1, html.split("<header class=\"shop-header\">", -1).length - 1, html);
        assertTrue(html.contains("value=\"{{head}}{{content}}&lt;script&gt;"), html);
    }

    @Test
    void aTemplateThatIsMissingHasAScriptOrLacksAPlaceholderIsRefusedNamingTheSetting() {
        ClassLoader loader = getClass().getClassLoader();
        String missing = assertThrows(IllegalStateException.class,
                () -> PageTemplate.load("payop/nope.html", loader)).getMessage();
        assertTrue(missing.contains("payop.pages.template") && missing.contains("WEB-INF/classes/payop/nope.html"),
                missing);
        String script = assertThrows(IllegalStateException.class,
                () -> PageTemplate.load("payop/page-with-script.html", loader)).getMessage();
        assertTrue(script.contains("<script"), script);
        assertTrue(script.contains("Content-Security-Policy"), script);
        String placeholders = assertThrows(IllegalStateException.class,
                () -> PageTemplate.load("payop/page-without-content.html", loader)).getMessage();
        assertTrue(placeholders.contains("{{content}}"), placeholders);
        assertTrue(placeholders.contains("{{nonce}}"), "an unknown placeholder is named: " + placeholders);
    }
}
