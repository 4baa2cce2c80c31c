package io.github.payop4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.it.months.OrdersWithoutPayer;
import io.github.payop4j.it.support.Admin;
import io.github.payop4j.it.support.Http;
import io.github.payop4j.it.support.Server;
import io.github.payop4j.it.support.Wars;
import io.github.payop4j.it.webshop.ShopDatabase;
import io.github.payop4j.it.webshop.ShopOrder;
import io.github.payop4j.it.webshop.ShopService;
import io.github.payop4j.testkit.PayopEmulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13: Payop's JWT tokens expire, and a shop learned it from failing payments. A WAR whose
 * token expired an hour ago deploys (a new token fixes it without a redeploy of anything else), but
 * its readiness is down with the reason. Payara Micro serves MicroProfile Health at
 * {@code /health/ready}; WildFly's default configuration (standalone.xml) has no MicroProfile
 * Health, so there the same report is read from the admin endpoint {@code /payop-admin/status}.
 */
@ExtendWith(ArquillianExtension.class)
class TokenExpiryIT {

    private static final long EXPIRED_AT = Instant.now().minusSeconds(3600).getEpochSecond();
    private static final String EXPIRED = jwt("{\"iat\": 1700000000, \"exp\": " + EXPIRED_AT + "}");
    private static PayopEmulator payop;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive shopWithAnExpiredToken() {
        payop = PayopEmulator.builder().credentials("application-expired-it", "expired-it-secret-" + EXPIRED_AT,
                EXPIRED, "7a1b2c3d").start();
        return Wars.withPayop4j("payop-expired-token.war", payop.clientProperties(), Map.of())
                .setWebXML(new StringAsset(Wars.webXml(Map.of(), Admin.WEB_XML)))
                .addAsWebInfResource(new StringAsset(Admin.PAYARA_WEB_XML), "payara-web.xml")
                .addClasses(OrdersWithoutPayer.class, ShopService.class, ShopDatabase.class, ShopOrder.class);
    }

    @AfterAll
    static void stop() {
        if (payop != null) {
            payop.close();
        }
    }

    static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void anExpiredTokenTurnsReadinessDownWithTheReason() throws Exception {
        String expiredAt = Instant.ofEpochSecond(EXPIRED_AT).toString();
        HttpResponse<String> status = new Admin(base).get("status");
        assertEquals(503, status.statusCode(), status.body());
        JsonObject report = Json.createReader(new StringReader(status.body())).readObject();
        assertEquals("DOWN", report.getString("status"));
        assertTrue(report.getString("reason").contains("the JWT token expired at " + expiredAt), report.toString());
        assertTrue(report.getString("reason").contains("payop.jwt-token"), report.toString());
        assertFalse(status.body().contains(EXPIRED.split("\\.")[1]), "the token never appears");

        if (Server.current() == Server.PAYARA) {
            HttpResponse<String> ready = new Http(new URL(base, "/")).get("health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            JsonObject health = Json.createReader(new StringReader(ready.body())).readObject();
            JsonObject check = health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                    .filter(c -> c.getString("name").equals("payop")).findFirst().orElseThrow();
            assertEquals("DOWN", check.getString("status"), health.toString());
            assertTrue(check.getJsonObject("data").getString("reason").contains("expired at " + expiredAt),
                    health.toString());
            assertFalse(ready.body().contains(EXPIRED.split("\\.")[1]));
        }
    }
}
