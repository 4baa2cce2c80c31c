package io.github.payop4j.jaxrs.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.config.Setting;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NextStepTest {

    static final String ID = "81962ed0-a65c-4d1a-851b-b3dbf9750399";
    static final String THREE_DS = """
            {"isSuccess": true, "status": "pending",
             "form": {"method": "POST", "url": "https://acs.anybank.com/", "fields": {
               "PaReq": "fmn3o8usfjlils", "MD": "81962ed0-a65c", "TermUrl": "https://payop.com/3ds-result"}},
             "url": "https://acs.anybank.com/"}""";

    @RegisterExtension
    static WireMockExtension payop = Fixture.payop();

    private Fixture f;

    @BeforeEach
    void setUp() {
        f = Fixture.basic(payop);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private JsonObject step(String data) {
        Fixture.invoiceStatus(payop, ID, data);
        Response r = f.invoiceResource.nextStep(ID);
        assertEquals(200, r.getStatus(), Fixture.text(r));
        assertEquals("application/json", r.getMediaType().toString());
        assertEquals("no-store", r.getHeaderString("Cache-Control"));
        JsonObject o = Fixture.object(r);
        assertEquals(ID, o.getString("invoiceId"));
        return o;
    }

    private Response browser(String data) {
        Fixture.invoiceStatus(payop, ID, data);
        Response r = f.invoiceResource.continuePayment(ID);
        assertEquals("no-store", r.getHeaderString("Cache-Control"));
        return r;
    }

    @Test
    void aGetRedirect() {
        JsonObject s = step("""
                {"isSuccess": true, "status": "pending",
                 "form": {"method": "GET", "url": "https://pay.skrill.com/app/?sid=468", "fields": []},
                 "url": "https://pay.skrill.com/app/?sid=468"}""");
        assertEquals("redirect", s.getString("type"));
        assertEquals("https://pay.skrill.com/app/?sid=468", s.getString("url"));
        assertEquals("GET", s.getString("method"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, s.getJsonObject("fields"));
        assertEquals(JsonValue.NULL, s.get("retryAfterSeconds"));

        Response r = f.invoiceResource.continuePayment(ID);
        assertEquals(303, r.getStatus());
        assertEquals(URI.create("https://pay.skrill.com/app/?sid=468"), r.getLocation());
    }

    @Test
    void threeDSecureIsASubmitForm() {
        JsonObject s = step(THREE_DS);
        assertEquals("submit-form", s.getString("type"));
        assertEquals("https://acs.anybank.com/", s.getString("url"));
        assertEquals("POST", s.getString("method"));
        assertEquals("fmn3o8usfjlils", s.getJsonObject("fields").getString("PaReq"));
        assertEquals("https://payop.com/3ds-result", s.getJsonObject("fields").getString("TermUrl"));
    }

    @Test
    void theBrowserGetsAnAutoSubmittingFormWhoseScriptAloneMayRun() {
        Response r = browser(THREE_DS);
        assertEquals(200, r.getStatus());
        assertEquals("text/html;charset=UTF-8", r.getMediaType().toString().replace(" ", ""));
        String html = Fixture.text(r);
        assertTrue(html.contains("<form id=\"payop-continue\" method=\"post\" action=\"https://acs.anybank.com/\""), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"PaReq\" value=\"fmn3o8usfjlils\">"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"TermUrl\" value=\"https://payop.com/3ds-result\">"), html);
        assertTrue(html.contains("<noscript><button type=\"submit\">"), html);

        Matcher nonce = Pattern.compile("<script nonce=\"([A-Za-z0-9+/=]+)\">").matcher(html);
        assertTrue(nonce.find(), html);
        String csp = r.getHeaderString("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'nonce-" + nonce.group(1) + "'"), csp);
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertEquals("nosniff", r.getHeaderString("X-Content-Type-Options"));

        String again = Fixture.text(browser(THREE_DS));
        assertFalse(again.contains(nonce.group(1)), "a fresh nonce per answer");
    }

    @Test
    void hostileValuesFromPayopAreEscaped() {
        Response r = browser("""
                {"status": "pending", "form": {"method": "POST", "url": "https://acs.example/?a=1&b='onmouseover='x",
                 "fields": {"\\"><script>alert('n')</script>": "\\"><script>alert('v')</script>", "MD": "a'b<c>&d`"}}}""");
        String html = Fixture.text(r);
        assertEquals(1, html.split("<script", -1).length - 1, "only our own script tag: " + html);
        assertFalse(html.contains("\"><script"), html);
        assertTrue(html.contains("action=\"https://acs.example/?a=1&amp;b=&#39;onmouseover=&#39;x\""), html);
        assertTrue(html.contains("name=\"&quot;&gt;&lt;script&gt;alert(&#39;n&#39;)&lt;/script&gt;\""), html);
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(&#39;v&#39;)&lt;/script&gt;\""), html);
        assertTrue(html.contains("value=\"a&#39;b&lt;c&gt;&amp;d&#96;\""), html);
    }

    @Test
    void aUrlWithMarkupIsNotAUrlAndIsNeverRendered() {
        Response r = browser("""
                {"status": "pending", "form": {"method": "POST", "url": "https://acs.example/\\"><script>alert(1)</script>",
                 "fields": {"MD": "x"}}}""");
        String html = Fixture.text(r);
        assertFalse(html.contains("<form"), html);
        assertFalse(html.contains("alert"), html);
        assertTrue(html.contains("http-equiv=\"refresh\""), html);
    }

    @Test
    void aUrlThatIsNoWebAddressIsNeverFollowed() {
        JsonObject s = step("{\"status\": \"pending\", \"form\": {\"method\": \"GET\", \"url\": \"javascript:alert(1)\"}}");
        assertEquals("unknown", s.getString("type"));
        assertEquals(JsonValue.NULL, s.get("url"));
        Response r = f.invoiceResource.continuePayment(ID);
        assertEquals(200, r.getStatus());
        assertNull(r.getLocation());
        assertFalse(Fixture.text(r).contains("javascript:"));

        Response form = browser("{\"status\": \"pending\", \"form\": {\"method\": \"POST\", \"url\": \"javascript:x()\","
                + " \"fields\": {\"a\": \"b\"}}}");
        assertFalse(Fixture.text(form).contains("javascript:"));
        assertFalse(Fixture.text(form).contains("<form"));
    }

    @Test
    void pendingWithoutUrlIsPollAndTheBrowserPageRefreshesItself() {
        String pending = "{\"isSuccess\": true, \"status\": \"pending\", \"form\": [], \"url\": \"\"}";
        JsonObject s = step(pending);
        assertEquals("poll", s.getString("type"));
        assertEquals(5, s.getInt("retryAfterSeconds"));
        assertEquals(JsonValue.NULL, s.get("url"));

        Response r = browser(pending);
        assertEquals(200, r.getStatus());
        String html = Fixture.text(r);
        assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"5\">"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(r.getHeaderString("Content-Security-Policy").contains("script-src"));
    }

    @Test
    void successAndFailureGoToPayopsResultPage() {
        JsonObject ok = step("{\"status\": \"success\", \"form\": {\"url\": \"https://shop.example/thanks\"},"
                + " \"url\": \"https://shop.example/thanks\"}");
        assertEquals("succeeded", ok.getString("type"));
        assertEquals("https://shop.example/thanks", ok.getString("url"));
        Response r = f.invoiceResource.continuePayment(ID);
        assertEquals(303, r.getStatus());
        assertEquals(URI.create("https://shop.example/thanks"), r.getLocation());

        JsonObject failed = step("{\"status\": \"fail\", \"form\": [], \"url\": \"https://shop.example/sorry\","
                + " \"invoiceIdentifier\": {\"value\": \"" + ID + "\", \"null\": false}}");
        assertEquals("failed", failed.getString("type"));
        assertEquals("https://shop.example/sorry", failed.getString("url"));
    }

    @Test
    void withoutPayopsUrlTheConfiguredPagesAreUsed() {
        JsonObject ok = step("{\"status\": \"success\", \"form\": [], \"url\": \"\"}");
        assertEquals("https://shop.example/paid?invoice=" + ID, ok.getString("url"));
        JsonObject failed = step("{\"status\": \"fail\", \"form\": [], \"url\": \"\"}");
        assertEquals("https://shop.example/failed?invoice=" + ID, failed.getString("url"));
        assertEquals(URI.create("https://shop.example/failed?invoice=" + ID),
                f.invoiceResource.continuePayment(ID).getLocation());
    }

    @Test
    void withoutAnyPageTheBrowserGetsAShortFinalPage() {
        f.close();
        f = new Fixture(payop, Map.of(Setting.RESULT_URL.key(), "", Setting.FAIL_URL.key(), ""));
        Response ok = browser("{\"status\": \"success\", \"form\": [], \"url\": \"\"}");
        assertEquals(200, ok.getStatus());
        assertTrue(Fixture.text(ok).contains("Payment received"));
        Response failed = browser("{\"status\": \"fail\", \"form\": [], \"url\": \"\"}");
        assertTrue(Fixture.text(failed).contains("Payment failed"));
    }

    @Test
    void anUndocumentedStatusIsUnknownAndTheBrowserWaits() {
        JsonObject s = step("{\"status\": \"on-hold\", \"form\": [], \"url\": \"\"}");
        assertEquals("unknown", s.getString("type"));
        assertEquals(5, s.getInt("retryAfterSeconds"));
        assertTrue(Fixture.text(f.invoiceResource.continuePayment(ID)).contains("http-equiv=\"refresh\""));
    }

    @Test
    void anInvoicePayopDoesNotKnowIs404() {
        payop.stubFor(get(urlEqualTo("/v1/checkout/check-invoice-status/" + ID)).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Invoice not found\"}")));
        Response r = f.invoiceResource.nextStep(ID);
        assertEquals(404, r.getStatus());
        assertEquals(Problems.TYPE_PREFIX + "unknown-invoice", Fixture.object(r).getString("type"));
        assertEquals(404, f.invoiceResource.continuePayment(ID).getStatus());
    }

    @Test
    void anInvoiceIdThatCannotBePayopsIs404WithoutAskingPayop() {
        for (String id : new String[] {"../../v1/wallets", "a b", "x".repeat(101), ""}) {
            assertEquals(404, f.invoiceResource.nextStep(id).getStatus(), id);
        }
        payop.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void payopFailingIs502ForTheSinglePageApp() {
        payop.stubFor(get(urlEqualTo("/v1/checkout/check-invoice-status/" + ID)).willReturn(aResponse()
                .withStatus(500).withBody("{\"message\":\"boom\"}")));
        Response r = f.invoiceResource.nextStep(ID);
        assertEquals(502, r.getStatus());
        assertFalse(Fixture.object(r).getString("detail").contains("submitted"), "a GET changes nothing");
    }
}
