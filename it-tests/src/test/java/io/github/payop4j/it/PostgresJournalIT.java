package io.github.payop4j.it;

import static io.github.payop4j.it.support.PayopApi.checkoutIpn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.payop4j.it.support.Http;
import io.github.payop4j.it.support.PayopApi;
import io.github.payop4j.it.support.PayopStub;
import io.github.payop4j.it.support.Wars;
import io.github.payop4j.it.webshop.PostgresShopDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webshop with its orders and the IPN journal in a real PostgreSQL (started by this JVM on
 * 127.0.0.1) that the WAR declares itself, its JDBC driver inside the WAR. Checked from the test
 * JVM straight in PostgreSQL: the order update and the journal commit, and roll back, together.
 *
 * <p>The WAR declares the DataSource with {@code @DataSourceDefinition} on
 * {@link PostgresShopDataSource}, generated at build time with the port the build reserved
 * ({@code it.pg.port}); PostgreSQL is started on that port.
 */
@ExtendWith(ArquillianExtension.class)
class PostgresJournalIT {

    private static final String DATASOURCE = PostgresShopDataSource.JNDI_NAME;
    private static WireMockServer payop;
    private static PayopApi api;
    private static EmbeddedPostgres postgres;

    @ArquillianResource
    private URL base;

    private Http http;

    @Deployment(testable = false)
    static WebArchive shopOnPostgres() throws IOException {
        payop = PayopStub.start();
        api = new PayopApi(payop);
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setPort(Integer.getInteger("it.pg.port")).start();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("payop.public-key", PayopStub.PUBLIC_KEY);
        config.put("payop.secret-key", PayopStub.SECRET_KEY);
        config.put("payop.jwt-token", "jwt-pg-" + UUID.randomUUID());
        config.put("payop.api-url", payop.baseUrl());
        config.put("payop.ipn.allowed-ips", "127.0.0.1");
        config.put("payop.ipn.datasource", DATASOURCE);
        config.put("shop.datasource", DATASOURCE);
        return Wars.webshop("payop-webshop-pg.war", config)
                .addAsLibrary(Wars.postgresDriver())
                .addClass(PostgresShopDataSource.class);
    }

    @AfterAll
    static void stop() throws IOException {
        if (payop != null) {
            payop.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void setUp() {
        http = new Http(base);
        payop.resetAll();
    }

    @Test
    void anAcceptedIpnCreditsTheOrderAndJournalsItInPostgres() {
        String orderId = newOrder("49.90");
        String tx = UUID.randomUUID().toString();
        api.transaction(tx, 2, orderId, "49.90", "EUR");
        ipn(200, "ok", checkoutIpn(tx, 2, orderId));
        ipn(200, "duplicate", checkoutIpn(tx, 2, orderId));

        assertEquals(List.of("PAID:1"), query("SELECT status || ':' || paid_count FROM shop_order WHERE id = ?", orderId));
        assertEquals(List.of("APPLIED"), query("SELECT status FROM payop_ipn_claim WHERE object_id = ?", tx));
        assertEquals(List.of("PROCESSED"), query("SELECT outcome FROM payop_ipn_delivery WHERE object_id = ?", tx),
                "one delivery row, written with its outcome; the duplicate is counted, not journaled");
    }

    @Test
    void aFailingObserverRollsBackTheCreditAndTheClaimTogether() {
        String orderId = newOrder("19.00");
        String tx = UUID.randomUUID().toString();
        api.transaction(tx, 2, orderId, "19.00", "EUR");
        assertEquals(204, http.postForm("shop/admin/faults/" + orderId, Map.of()).statusCode());

        ipn(500, "retry later", checkoutIpn(tx, 2, orderId));
        assertEquals(List.of("NEW:0"), query("SELECT status || ':' || paid_count FROM shop_order WHERE id = ?", orderId));
        assertEquals(List.of(), query("SELECT status FROM payop_ipn_claim WHERE object_id = ? AND status = 'APPLIED'", tx));

        ipn(200, "ok", checkoutIpn(tx, 2, orderId));
        assertEquals(List.of("PAID:1"), query("SELECT status || ':' || paid_count FROM shop_order WHERE id = ?", orderId));
        assertEquals(List.of("APPLIED"), query("SELECT status FROM payop_ipn_claim WHERE object_id = ?", tx));
    }

    private String newOrder(String amount) {
        HttpResponse<String> created = http.postForm("shop/orders",
                Map.of("amount", amount, "currency", "EUR", "email", "buyer@example.com"));
        assertEquals(201, created.statusCode(), created::body);
        return Json.createReader(new StringReader(created.body())).readObject().getString("id");
    }

    private void ipn(int status, String word, String body) {
        HttpResponse<String> r = http.post("payop/ipn", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertEquals(status, r.statusCode(), r::body);
        assertEquals(word, r.body());
    }

    /** Straight from PostgreSQL, not through the server. */
    private static List<String> query(String sql, String arg) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
