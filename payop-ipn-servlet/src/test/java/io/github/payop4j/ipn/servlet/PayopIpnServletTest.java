package io.github.payop4j.ipn.servlet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.IpnSourcePolicy;
import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The servlet in a real container (embedded Jetty 12, EE 10) answering real HTTP requests,
 * configured the way a shop would: context parameters, a JNDI DataSource, handlers by
 * ServiceLoader. WireMock plays the Payop API.
 */
class PayopIpnServletTest {

    @RegisterExtension
    static WireMockExtension payopApi = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    static final String H2_URL = "jdbc:h2:mem:ipn-servlet;DB_CLOSE_DELAY=-1";
    static final String PAYOP_IP = "18.199.249.46";
    static final String IPN = "/payop/ipn";
    static final String JWT = "eyJ0ZXN0IjoidG9rZW4ifQ.c2hvcC10b2tlbg.c2ln";
    static final List<IpnEvent> CDI_EVENTS = new CopyOnWriteArrayList<>();
    static final List<String> LOGGED = new CopyOnWriteArrayList<>();

    static Jetty jetty;

    @BeforeAll
    static void deploy() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(H2_URL);
        JdbcDataSource serverDefault = new JdbcDataSource();
        serverDefault.setURL("jdbc:h2:mem:ipn-servlet-default;DB_CLOSE_DELAY=-1");
        TestNaming.BINDINGS.put("java:comp/env/jdbc/shop", h2);
        TestNaming.BINDINGS.put("java:comp/env/jdbc/broken", brokenDataSource());
        TestNaming.BINDINGS.put("java:comp/DefaultDataSource", serverDefault);

        ServletContextHandler cdi = Jetty.webapp("/cdi", Map.of());
        cdi.setAttribute(PayopIpnServlet.PROCESSOR_ATTRIBUTE, IpnProcessor.builder().handler(CDI_EVENTS::add)
                .sources(IpnSourcePolicy.builder().allow("127.0.0.1").build()).build());

        // The servlet's logger and the journal's, its parent: what a deployment logs.
        Logger servletLog = Logger.getLogger("io.github.payop4j.ipn");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                LOGGED.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        servletLog.addHandler(capture);
        try {
            jetty = Jetty.start(
                    Jetty.webapp("/shop", Map.of(
                            "payop.ipn.allowed-ips", "127.0.0.1, ::1",
                            "payop.api-url", payopApi.baseUrl(),
                            "payop.jwt-token", JWT,
                            "payop.ipn.datasource", "java:comp/env/jdbc/shop")),
                    // What a WAR configured for the previous release still says.
                    Jetty.webapp("/legacy", Map.of(
                            "payop.ipn.allowed-ips", "127.0.0.1",
                            "payop.api-url", payopApi.baseUrl(),
                            "payop.jwt-token", JWT,
                            "payop.ipn.journal", "java:comp/env/jdbc/shop",
                            "payop.ipn.journal.table-prefix", "legacy_ipn_",
                            "payop.ipn.lease-seconds", "90",
                            "payop.ipn.api-timeout-seconds", "5")),
                    Jetty.webapp("/strict", Map.of("payop.ipn.verify-with-api", "false")),
                    Jetty.webapp("/proxied", Map.of("payop.ipn.trusted-proxies", "127.0.0.0/8",
                            "payop.ipn.verify-with-api", "false")),
                    Jetty.webapp("/broken", Map.of(
                            "payop.ipn.allowed-ips", "127.0.0.1",
                            "payop.ipn.verify-with-api", "false",
                            "payop.ipn.datasource", "java:comp/env/jdbc/broken")),
                    Jetty.webapp("/custom", Map.of(
                            "payop.ipn.allowed-ips", "127.0.0.1",
                            "payop.ipn.verify-with-api", "false",
                            "payop.ipn.path", "/hooks/payop",
                            "payop.ipn.max-body-bytes", "1024")),
                    Jetty.webapp("/off", Map.of("payop.ipn.enabled", "false")),
                    cdi);
        } finally {
            servletLog.removeHandler(capture);
        }
    }

    @AfterAll
    static void undeploy() {
        if (jetty != null) {
            jetty.close();
        }
    }

    static String checkout(String tx, int state) {
        return Jetty.doc("ipn-checkout.json").replace("dca59ca5-be19-470d-9494-9b76944e0241", tx)
                .replace("\"state\": 2", "\"state\": " + state);
    }

    static void apiSays(String tx, int state) {
        payopApi.stubFor(get("/v2/transactions/" + tx).willReturn(okJson("{\"data\": {\"identifier\": \"" + tx
                + "\", \"amount\": 3, \"currency\": \"USD\", \"state\": " + state + ", \"error\": \"\","
                + " \"orderId\": \"ANY_ORDER_ID\"}}")));
    }

    @Test
    void aConfirmedIpnIs200OkAndItsRepeat200DuplicateJournaledOnceInTheJndiDataSource() throws SQLException {
        String tx = UUID.randomUUID().toString();
        apiSays(tx, 2);

        Jetty.Answer first = jetty.post("/shop" + IPN, checkout(tx, 2));
        Jetty.Answer again = jetty.post("/shop" + IPN, checkout(tx, 2));

        assertEquals(200, first.status());
        assertEquals("ok", first.body());
        assertEquals("text/plain;charset=utf-8", first.raw().headers().firstValue("Content-Type").orElse("")
                .toLowerCase(java.util.Locale.ROOT).replace(" ", ""));
        assertEquals(200, again.status());
        assertEquals("duplicate", again.body());
        List<IpnEvent> events = ShopHandler.of(tx);
        assertEquals(1, events.size());
        IpnEvent.PaymentAccepted paid = assertInstanceOf(IpnEvent.PaymentAccepted.class, events.get(0));
        assertEquals("127.0.0.1", paid.facts().sourceAddress());
        assertEquals(List.of("PROCESSED"), sql("SELECT outcome FROM payop_ipn_delivery WHERE object_id = ?"
                + " ORDER BY id", tx), "the duplicate is counted, not journaled");
        assertEquals(List.of("ACCEPTED:APPLIED"), sql("SELECT state_key || ':' || status FROM payop_ipn_claim"
                + " WHERE object_id = ?", tx));
    }

    @Test
    void malformedJsonMissingIdsAndInvalidUtf8Are400() {
        String tx = UUID.randomUUID().toString();
        String body = checkout(tx, 2);
        byte[] latin1 = body.replace("Error message", "Zahlung \u00fcberf\u00e4llig").getBytes(StandardCharsets.ISO_8859_1);

        for (Jetty.Answer a : List.of(jetty.post("/shop" + IPN, body.substring(0, body.length() / 2)),
                jetty.post("/shop" + IPN, body.replace("\"id\": \"" + tx + "\"", "\"identifier\": \"" + tx + "\"")),
                jetty.post("/shop" + IPN, latin1),
                jetty.post("/shop" + IPN, new byte[0]))) {
            assertEquals(400, a.status());
            assertEquals("malformed", a.body());
        }
        assertTrue(ShopHandler.of(tx).isEmpty());
    }

    @Test
    void aSourceOutsideTheAllowListIs403AndForwardedForFromAnUntrustedPeerIsIgnored() {
        String tx = UUID.randomUUID().toString();

        Jetty.Answer direct = jetty.post("/strict" + IPN, checkout(tx, 2));
        Jetty.Answer spoofed = jetty.post("/strict" + IPN, checkout(tx, 2), "X-Forwarded-For", PAYOP_IP);
        Jetty.Answer spoofedRfc = jetty.post("/strict" + IPN, checkout(tx, 2), "Forwarded", "for=" + PAYOP_IP);

        for (Jetty.Answer a : List.of(direct, spoofed, spoofedRfc)) {
            assertEquals(403, a.status());
            assertEquals("forbidden", a.body());
        }
        assertTrue(ShopHandler.of(tx).isEmpty());
    }

    @Test
    void forwardedForFromATrustedProxyIsHonoured() {
        String tx = UUID.randomUUID().toString();

        Jetty.Answer viaProxy = jetty.post("/proxied" + IPN, checkout(tx, 2), "X-Forwarded-For", PAYOP_IP);
        Jetty.Answer attackerViaProxy = jetty.post("/proxied" + IPN, checkout(tx, 2),
                "X-Forwarded-For", PAYOP_IP + ", 203.0.113.7");

        assertEquals(200, viaProxy.status());
        assertEquals(PAYOP_IP, ShopHandler.of(tx).get(0).facts().sourceAddress());
        assertEquals(403, attackerViaProxy.status(), "the hop our proxy saw was 203.0.113.7");
    }

    @Test
    void anythingButPostIs405() {
        for (String method : List.of("GET", "PUT", "DELETE", "OPTIONS")) {
            Jetty.Answer a = jetty.method(method, "/shop" + IPN);
            assertEquals(405, a.status(), method);
            assertEquals("POST", a.raw().headers().firstValue("Allow").orElse(""));
        }
    }

    @Test
    void aChunkedIpnWithoutContentLengthIsReadWholeAndApplied() {
        String tx = UUID.randomUUID().toString();
        apiSays(tx, 2);

        Jetty.Answer a = jetty.postChunked("/shop" + IPN, checkout(tx, 2).getBytes(StandardCharsets.UTF_8));

        assertEquals(200, a.status());
        assertEquals("ok", a.body());
        assertEquals(1, ShopHandler.of(tx).size());
    }

    @Test
    void aBodyOverTheCapIs413WithOrWithoutContentLength() {
        byte[] big = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');

        assertEquals(413, jetty.post("/shop" + IPN, big).status());
        assertEquals(413, jetty.postChunked("/shop" + IPN, big).status());
        assertEquals(413, jetty.post("/custom/hooks/payop", new byte[1025]).status(), "payop.ipn.max-body-bytes");
        assertEquals("too large", jetty.post("/shop" + IPN, big).body());
    }

    @Test
    void aFailingHandlerIs500SoPayopRetriesAndTheRetryAppliesItOnce() {
        String tx = UUID.randomUUID().toString();
        apiSays(tx, 2);
        ShopHandler.FAIL_ONCE.add(tx);

        Jetty.Answer failed = jetty.post("/shop" + IPN, checkout(tx, 2));
        Jetty.Answer retried = jetty.post("/shop" + IPN, checkout(tx, 2));

        assertEquals(500, failed.status());
        assertEquals("retry later", failed.body(), "no exception, host name or stack trace leaks");
        assertEquals(200, retried.status());
        assertEquals(1, ShopHandler.of(tx).size());
    }

    @Test
    void anUnreachablePayopApiIs503AndNothingIsApplied() {
        String tx = UUID.randomUUID().toString();
        payopApi.stubFor(get("/v2/transactions/" + tx).willReturn(aResponse().withStatus(500)));

        Jetty.Answer a = jetty.post("/shop" + IPN, checkout(tx, 2));

        assertEquals(503, a.status());
        assertEquals("retry later", a.body());
        assertTrue(ShopHandler.of(tx).isEmpty());
    }

    @Test
    void aForgedIpnIsAcknowledgedButNeverPaid() {
        String tx = UUID.randomUUID().toString();
        payopApi.stubFor(get("/v2/transactions/" + tx).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Transaction not found\"}")));

        Jetty.Answer a = jetty.post("/shop" + IPN, checkout(tx, 2));

        assertEquals(200, a.status(), "a retry cannot help");
        IpnEvent.Anomaly anomaly = assertInstanceOf(IpnEvent.Anomaly.class, ShopHandler.of(tx).get(0));
        assertEquals(IpnEvent.Anomaly.Type.UNCONFIRMED, anomaly.type());
    }

    @Test
    void aFailingJournalIs500() {
        Jetty.Answer a = jetty.post("/broken" + IPN, checkout(UUID.randomUUID().toString(), 2));

        assertEquals(500, a.status());
        assertEquals("retry later", a.body());
    }

    @Test
    void whatIsWrongWithAJournalShowsInTheDeploymentsLogBeforeAnyIpn() {
        List<String> notReady = LOGGED.stream().filter(l -> l.startsWith("PAYOP-IPN-102")).toList();
        assertEquals(1, notReady.size(), "only /broken: " + notReady);
        assertTrue(notReady.get(0).contains("journal of /broken is not ready")
                && notReady.get(0).contains("Connection to shop-db.internal:5432 refused")
                && notReady.get(0).contains("payop.ipn.datasource"), notReady.get(0));
        // /strict, /proxied and /custom journal into the server's default DataSource, here in memory as WildFly's is.
        assertEquals(3, LOGGED.stream().filter(l -> l.startsWith("PAYOP-IPN-014")
                && l.contains("(jdbc:h2:mem:ipn-servlet-default)")).count(), LOGGED::toString);
    }

    @Test
    void thePathIsConfigurableAndTheEndpointCanBeSwitchedOff() {
        String tx = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        assertEquals(200, jetty.post("/custom/hooks/payop", checkout(tx, 2)).status());
        // Unmapped paths get Jetty's own answer (404 or 405 for POST), never the endpoint's.
        for (String unmapped : List.of("/custom" + IPN, "/off" + IPN)) {
            Jetty.Answer a = jetty.post(unmapped, checkout(other, 2));
            assertTrue(a.status() == 404 || a.status() == 405, unmapped + ": " + a.status());
            assertTrue(a.raw().headers().firstValue("Allow").isEmpty(), unmapped);
        }
        assertEquals(1, ShopHandler.of(tx).size());
        assertTrue(ShopHandler.of(other).isEmpty());
    }

    @Test
    void aMisconfiguredEndpointFailsTheDeploymentInsteadOfAcknowledgingIpns() {
        ServletException e = assertThrows(ServletException.class, () -> Jetty.start(
                Jetty.webapp("/misconfigured", Map.of("payop.ipn.verify-with-api", "true"))).close());
        assertTrue(e.getMessage().contains("payop.jwt-token"), e.getMessage());

        ServletException noHandler = assertThrows(ServletException.class, () -> {
            ServletContextHandler webapp = Jetty.webapp("/nohandler", Map.of("payop.ipn.verify-with-api", "false",
                    "payop.ipn.datasource", "none"));
            webapp.setClassLoader(new ClassLoader(null) { }); // a WAR without META-INF/services entries
            Jetty.start(webapp).close();
        });
        assertTrue(noHandler.getMessage().contains("IpnHandler"), noHandler.getMessage());

        ServletException noDataSource = assertThrows(ServletException.class, () -> Jetty.start(Jetty.webapp(
                "/nodatasource", Map.of("payop.ipn.verify-with-api", "false", "payop.ipn.datasource", "jdbc/none"))));
        assertTrue(noDataSource.getMessage().contains("payop.ipn.datasource"), noDataSource.getMessage());
        assertTrue(noDataSource.getMessage().contains("payop.ipn.datasource=none"), noDataSource.getMessage());
    }

    /** Secure by default (issue 13): no token means no start, unless confirmation is switched off in so many words. */
    @Test
    void withoutATokenTheEndpointDoesNotStartAndTheMessageNamesBothSettings() {
        ServletException e = assertThrows(ServletException.class, () -> Jetty.start(
                Jetty.webapp("/notoken", Map.of("payop.ipn.allowed-ips", "127.0.0.1"))).close());
        assertTrue(e.getMessage().contains("payop.jwt-token: missing"), e.getMessage());
        assertTrue(e.getMessage().contains("payop.ipn.verify-with-api=false"), e.getMessage());
    }

    @Test
    void theOldKeysStillWorkAndEachIsNamedOnceWithItsReplacement() throws SQLException {
        for (String line : List.of(
                "PAYOP-CONFIG-001 payop.ipn.journal is an old name: read as payop.ipn.datasource=java:comp/env/jdbc/shop",
                "PAYOP-CONFIG-001 payop.ipn.journal.table-prefix is an old name: read as payop.ipn.table-prefix=legacy_ipn_",
                "PAYOP-CONFIG-001 payop.ipn.lease-seconds is an old name: read as payop.ipn.lease=90s",
                "PAYOP-CONFIG-001 payop.ipn.api-timeout-seconds is an old name: read as payop.http.connect-timeout=5s"
                        + " and payop.http.read-timeout=5s")) {
            assertEquals(1, LOGGED.stream().filter(l -> l.startsWith(line)).count(), line + " in " + LOGGED);
        }
        assertEquals(4, LOGGED.stream().filter(l -> l.startsWith("PAYOP-CONFIG-001")).count(), LOGGED::toString);
        assertTrue(LOGGED.stream().noneMatch(l -> l.startsWith("PAYOP-CONFIG-002")), LOGGED::toString);

        String tx = UUID.randomUUID().toString();
        apiSays(tx, 2);
        assertEquals("ok", jetty.post("/legacy" + IPN, checkout(tx, 2)).body());
        assertEquals(List.of("PROCESSED"), sql("SELECT outcome FROM legacy_ipn_delivery WHERE object_id = ?", tx),
                "journaled where payop.ipn.journal and its table prefix say");
    }

    @Test
    void aProcessorInTheServletContextAttributeIsUsedAsIs() {
        String tx = UUID.randomUUID().toString();

        assertEquals(200, jetty.post("/cdi" + IPN, checkout(tx, 2)).status());

        assertTrue(ShopHandler.of(tx).isEmpty(), "not the ServiceLoader handler");
        assertEquals(1, CDI_EVENTS.stream().filter(e -> e.objectId().equals(tx)).count());
    }

    private static List<String> sql(String query, String param) throws SQLException {
        try (Connection c = DriverManager.getConnection(H2_URL); PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, param);
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static DataSource brokenDataSource() {
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new SQLException("Connection to shop-db.internal:5432 refused", "08001");
                });
    }
}
