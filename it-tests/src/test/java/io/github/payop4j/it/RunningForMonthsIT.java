package io.github.payop4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.it.months.DoublePayments;
import io.github.payop4j.it.months.MonthsApplication;
import io.github.payop4j.it.months.OrdersWithoutPayer;
import io.github.payop4j.it.support.Admin;
import io.github.payop4j.it.support.AtOnce;
import io.github.payop4j.it.support.Http;
import io.github.payop4j.it.support.Postgres;
import io.github.payop4j.it.support.SecondPayara;
import io.github.payop4j.it.support.Server;
import io.github.payop4j.it.support.Wars;
import io.github.payop4j.it.webshop.Faults;
import io.github.payop4j.it.webshop.PaymentObserver;
import io.github.payop4j.it.webshop.PostgresShopDataSource;
import io.github.payop4j.it.webshop.ShopDatabase;
import io.github.payop4j.it.webshop.ShopOrder;
import io.github.payop4j.it.webshop.ShopResource;
import io.github.payop4j.it.webshop.ShopService;
import io.github.payop4j.it.webshop.WebshopApplication;
import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.testkit.SentIpn;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 on a real server: a shop that runs for months, two nodes of it (two deployments of the
 * webshop sharing one PostgreSQL database; on Payara a second Payara Micro, since its Arquillian
 * adapter holds one deployment), the Payop emulator as Payop: it keeps invoices and transactions,
 * so the reconciliation sweep really asks it, and its IPNs can be sent nowhere. The sweep runs
 * every second, three seconds after an invoice's creation ({@code payop.reconcile.*}).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunningForMonthsIT {

    private static final String NODE_A = "node-a";
    private static final String NODE_B = "node-b";
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/payop/ipn"); // the discard port: refused
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static PayopEmulator payop;
    private static EmbeddedPostgres postgres;
    private static SecondPayara secondPayara;
    private static URL nodeBUrl;

    @ArquillianResource
    @OperateOnDeployment(NODE_A)
    private URL base;

    @ArquillianResource
    private Deployer deployer;

    private Http a;

    @Deployment(name = NODE_A, testable = false)
    static WebArchive nodeA() throws IOException {
        return shop("payop-months-a.war");
    }

    /** Deployed by the test: WildFly holds both in one server; on Payara the test starts a second one. */
    @Deployment(name = NODE_B, managed = false, testable = false)
    static WebArchive nodeB() throws IOException {
        return shop("payop-months-b.war");
    }

    private static synchronized WebArchive shop(String name) throws IOException {
        if (payop == null) {
            postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                    .setPort(Integer.getInteger("it.pg.port")).start();
            // Payop's retries of an unanswered IPN, compressed: sent "nowhere" it is given up quickly.
            payop = PayopEmulator.builder().ipnRetrySchedule(Duration.ofMillis(200), Duration.ofMillis(400)).start();
        }
        Map<String, String> config = new LinkedHashMap<>(payop.clientProperties());
        config.put("payop.ipn.datasource", PostgresShopDataSource.JNDI_NAME);
        config.put("shop.datasource", PostgresShopDataSource.JNDI_NAME);
        config.put("payop.reconcile.delay", "3s");
        config.put("payop.reconcile.interval", "1s");
        return Wars.withPayop4j(name, config, Map.of())
                .setWebXML(new StringAsset(Wars.webXml(Map.of(), Admin.WEB_XML)))
                .addAsWebInfResource(new StringAsset(Admin.PAYARA_WEB_XML), "payara-web.xml")
                .addAsLibrary(Wars.postgresDriver())
                .addClasses(WebshopApplication.class, ShopResource.class, ShopService.class, ShopDatabase.class,
                        ShopOrder.class, Faults.class, PaymentObserver.class, PostgresShopDataSource.class,
                        OrdersWithoutPayer.class, DoublePayments.class, MonthsApplication.class,
                        MonthsApplication.Orders.class);
    }

    @AfterAll
    static void stop() throws IOException {
        if (secondPayara != null) {
            secondPayara.close();
        }
        if (payop != null) {
            payop.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void setUp() {
        a = new Http(base);
        payop.sendIpnsTo(a.uri("payop/ipn"));
    }

    /** The second node, started once. */
    private Http b() throws Exception {
        if (nodeBUrl == null) {
            if (Server.current() == Server.WILDFLY) {
                deployer.deploy(NODE_B);
                nodeBUrl = new URL(base.getProtocol(), base.getHost(), base.getPort(), "/payop-months-b/");
            } else {
                secondPayara = SecondPayara.start(nodeB());
                nodeBUrl = secondPayara.url();
            }
        }
        return new Http(nodeBUrl);
    }

    // --- acceptance 1 ------------------------------------------------------------------------

    @Test
    @Order(1)
    void payClicksOnTwoNodesGiveOneInvoiceAndAFailedOrChangedOrderANewOne() throws Exception {
        Http b = b();
        String order = newOrder("20.00");

        List<URI> pages = AtOnce.run(4, i -> hostedPage(i % 2 == 0 ? a : b, order));
        assertEquals(1, Set.copyOf(pages).size(), pages.toString());
        assertEquals(1, invoicesCreated(order), "one invoice at Payop for four clicks on two nodes");
        String first = invoiceOf(pages.get(0));
        assertEquals(first, invoiceOf(hostedPage(b, order)), "and the payer coming back later gets it again");

        payop.fail(first);
        payop.awaitIpnsSettled(PATIENCE);
        String second = invoiceOf(hostedPage(a, order));
        assertNotEquals(first, second, "a failed invoice gets a successor");
        assertEquals(second, invoiceOf(hostedPage(b, order)));

        assertEquals(204, a.postForm("months/orders/" + order + "/amount", Map.of("amount", "25.00")).statusCode());
        String third = invoiceOf(hostedPage(b, order));
        assertNotEquals(second, third, "a changed amount gets a new invoice");
        assertEquals(3, invoicesCreated(order));
        assertEquals(0, new java.math.BigDecimal("25.00").compareTo(new java.math.BigDecimal(
                payop.client().invoices().get(third).amount())), "the new invoice charges the new amount");
    }

    // --- acceptance 2 ------------------------------------------------------------------------

    @Test
    @Order(2)
    void anOrderPaidByASecondTransactionIsOnePaymentAndOneDoublePaymentAnomalyNamingBoth() {
        String order = newOrder("30.00");
        String invoice = invoiceOf(hostedPage(a, order));
        // The payer's older invoice for the same order (made before the shop reused invoices, or by hand).
        String older = payop.client().invoices().create(InvoiceRequest.builder().orderId(order).amount("30.00")
                .currency("EUR").payer(Payer.withEmail("buyer@example.com")).build()).invoiceId();

        String first = payop.pay(invoice);
        payop.awaitIpnsSettled(PATIENCE);
        String second = payop.pay(older);
        payop.awaitIpnsSettled(PATIENCE);

        JsonObject paid = order(order);
        assertEquals("PAID", paid.getString("status"));
        assertEquals(1, paid.getInt("paidCount"), "one payment event");
        assertEquals(first, paid.getString("txId"));
        assertEquals(List.of(second + " paid again after " + first), Postgres.query(postgres,
                "SELECT transaction_id || ' paid again after ' || paid_by FROM months_double_payment"
                        + " WHERE order_id = ?", order), "one double-payment anomaly naming both transactions");
        JsonArray events = json(a.get("shop/admin/events/" + second).body()).asJsonArray();
        assertEquals(1, events.size(), events.toString());
        assertEquals("ALREADY_PAID", events.getJsonObject(0).getString("detail"));
    }

    // --- acceptance 3 ------------------------------------------------------------------------

    @Test
    @Order(3)
    void anIpnThatNeverArrivesIsAppliedByTheSweepWithinTheDelay() {
        payop.sendIpnsTo(NOWHERE);
        String order = newOrder("40.00");
        String invoice = invoiceOf(hostedPage(a, order));
        long paidAt = System.nanoTime();
        String tx = payop.pay(invoice);

        eventually(() -> "PAID".equals(order(order).getString("status")), "order " + order + " paid by the sweep");
        System.out.printf("RunningForMonthsIT[%s]: an IPN that never arrived: order paid by the sweep %d ms after"
                + " the payment (delay 3s, interval 1s)%n", Server.current(), (System.nanoTime() - paidAt) / 1_000_000);
        assertEquals(1, order(order).getInt("paidCount"));
        assertEquals(List.of("reconciliation PROCESSED"), Postgres.query(postgres, "SELECT source_address || ' ' ||"
                + " outcome FROM payop_ipn_delivery WHERE object_id = ?", tx), "the journal shows the sweep applied it");
        List<SentIpn> attempts = payop.sentIpns().stream().filter(s -> s.objectId().equals(tx)).toList();
        assertFalse(attempts.isEmpty(), "Payop tried to notify");
        assertTrue(attempts.stream().noneMatch(SentIpn::acknowledged), "and never reached the shop: " + attempts);
    }

    @Test
    @Order(4)
    void theIpnAndTheSweepRacingCreditOnce() throws Exception {
        Http b = b();
        payop.sendIpnsTo(NOWHERE);
        String order = newOrder("50.00");
        String invoice = invoiceOf(hostedPage(a, order));
        String tx = payop.pay(invoice);
        payop.awaitIpnsSettled(PATIENCE);
        String ipn = payop.sentIpns().stream().filter(s -> s.objectId().equals(tx)).findFirst().orElseThrow().body();
        Admin adminA = new Admin(base);
        Admin adminB = new Admin(nodeBUrl);
        Thread.sleep(2500); // the sweeps of both nodes are about to take the invoice: Payop's IPN arrives now

        List<Integer> answers = AtOnce.run(6, i -> switch (i) {
            case 0, 1 -> a.post("payop/ipn", "application/json", ipn.getBytes(StandardCharsets.UTF_8)).statusCode();
            case 2 -> b.post("payop/ipn", "application/json", ipn.getBytes(StandardCharsets.UTF_8)).statusCode();
            case 3 -> adminA.post("reconcile").statusCode();
            default -> adminB.post("reconcile").statusCode();
        });
        eventually(() -> "PAID".equals(order(order).getString("status")), "order " + order + " paid");
        Thread.sleep(2000); // let every node's sweep come round once more

        // Payop's copies are applied, answered duplicate, or told to come back (503); the sweeps run.
        assertTrue(answers.subList(0, 3).stream().allMatch(s -> s == 200 || s == 503), "IPN answers: " + answers);
        assertEquals(List.of(200, 200, 200), answers.subList(3, 6), "reconcile answers: " + answers);
        assertEquals(1, order(order).getInt("paidCount"), "one credit: " + answers);
        assertEquals(List.of("APPLIED"), Postgres.query(postgres, "SELECT status FROM payop_ipn_claim WHERE object_id = ?",
                tx));
        assertEquals(List.of("PROCESSED"), Postgres.query(postgres, "SELECT outcome FROM payop_ipn_delivery"
                + " WHERE object_id = ? AND outcome <> 'RETRY_LATER'", tx), "applied by one of them, the rest duplicates");
    }

    @Test
    @Order(5)
    void twoNodesSweepingTheSameDatabaseCreditOnce() throws Exception {
        Http b = b();
        payop.sendIpnsTo(NOWHERE);
        String order = newOrder("60.00");
        String invoice = invoiceOf(hostedPage(b, order));
        String tx = payop.pay(invoice);

        eventually(() -> "PAID".equals(order(order).getString("status")), "order " + order + " paid by a sweep");
        Thread.sleep(3000); // both nodes sweep every second

        assertEquals(1, order(order).getInt("paidCount"));
        assertEquals(List.of("reconciliation PROCESSED"), Postgres.query(postgres, "SELECT source_address || ' ' ||"
                + " outcome FROM payop_ipn_delivery WHERE object_id = ?", tx));
        assertEquals(List.of("PAID"), Postgres.query(postgres, "SELECT state FROM payop_ipn_invoice WHERE invoice_id = ?",
                invoice));
    }

    // --- acceptance 4 ------------------------------------------------------------------------

    @Test
    @Order(6)
    void theAdminEndpointsNeedTheRoleAndListAndReDriveWithIt() throws Exception {
        Admin admin = new Admin(base);
        assertEquals(401, admin.get("deliveries?outcome=ANOMALY", null, null).statusCode());
        assertEquals(401, admin.get("deliveries?outcome=ANOMALY", Admin.ADMIN, "wrong").statusCode());
        assertEquals(403, admin.get("deliveries?outcome=ANOMALY", Admin.CLERK, Admin.CLERK_PASSWORD).statusCode());
        assertEquals(403, admin.post("reconcile", Admin.CLERK, Admin.CLERK_PASSWORD).statusCode());

        HttpResponse<String> status = admin.get("status");
        assertEquals(200, status.statusCode(), status.body());
        assertEquals("UP", json(status.body()).asJsonObject().getString("status"));
        HttpResponse<String> anomalies = admin.get("deliveries?outcome=ANOMALY");
        assertEquals(200, anomalies.statusCode(), anomalies.body());
        assertTrue(json(anomalies.body()).asJsonArray().stream().map(v -> v.asJsonObject())
                .anyMatch(e -> e.getString("detail").startsWith("ALREADY_PAID")), anomalies.body());

        // A delivery that failed (the shop's warehouse was down) after Payop gave up retrying it.
        payop.sendIpnsTo(NOWHERE);
        String order = newOrder("70.00");
        String invoice = payop.client().invoices().create(InvoiceRequest.builder().orderId(order).amount("70.00")
                .currency("EUR").payer(Payer.withEmail("buyer@example.com")).build()).invoiceId(); // not swept
        String tx = payop.pay(invoice);
        payop.awaitIpnsSettled(PATIENCE);
        String ipn = payop.sentIpns().stream().filter(s -> s.objectId().equals(tx)).findFirst().orElseThrow().body();
        assertEquals(204, a.postForm("shop/admin/faults/" + order, Map.of()).statusCode());
        assertEquals(500, a.post("payop/ipn", "application/json", ipn.getBytes(StandardCharsets.UTF_8)).statusCode());
        JsonObject failed = json(admin.get("deliveries?outcome=RETRY_LATER").body()).asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(e -> e.getString("objectId").equals(tx)).findFirst().orElseThrow();
        String id = failed.getJsonNumber("id").toString();

        assertEquals(401, admin.post("deliveries/" + id + "/redrive", null, null).statusCode());
        assertEquals(403, admin.post("deliveries/" + id + "/redrive", Admin.CLERK, Admin.CLERK_PASSWORD).statusCode());
        assertEquals("NEW", order(order).getString("status"));
        HttpResponse<String> redriven = admin.post("deliveries/" + id + "/redrive");
        assertEquals(200, redriven.statusCode(), redriven.body());
        assertEquals("PROCESSED", json(redriven.body()).asJsonObject().getString("outcome"));
        assertEquals(1, order(order).getInt("paidCount"));
        HttpResponse<String> again = admin.post("deliveries/" + id + "/redrive");
        assertEquals("DUPLICATE", json(again.body()).asJsonObject().getString("outcome"), "never applied twice");
        assertEquals(1, order(order).getInt("paidCount"));
        assertEquals(404, admin.post("deliveries/1/redrive").statusCode());
        // 19 digits fit the path but not a long: no such delivery, not a server error.
        assertEquals(404, admin.get("deliveries/9999999999999999999").statusCode());
        assertEquals(404, admin.post("deliveries/9999999999999999999/redrive").statusCode());
    }

    // --- helpers ------------------------------------------------------------------------------

    private String newOrder(String amount) {
        HttpResponse<String> created = a.postForm("shop/orders",
                Map.of("amount", amount, "currency", "EUR", "email", "buyer@example.com"));
        assertEquals(201, created.statusCode(), created::body);
        return json(created.body()).asJsonObject().getString("id");
    }

    private JsonObject order(String id) {
        HttpResponse<String> r = a.get("shop/orders/" + id);
        assertEquals(200, r.statusCode(), r::body);
        return json(r.body()).asJsonObject();
    }

    private static URI hostedPage(Http node, String order) {
        HttpResponse<String> r = node.postForm("payop-checkout/payop/orders/" + order + "/hosted-page", Map.of());
        assertEquals(303, r.statusCode(), r::body);
        return URI.create(r.headers().firstValue("Location").orElseThrow());
    }

    private static String invoiceOf(URI page) {
        String path = page.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static long invoicesCreated(String order) {
        return payop.wireMock().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl()
                .equals("/v1/invoices/create") && e.getRequest().getBodyAsString().contains("\"" + order + "\""))
                .count();
    }

    private static jakarta.json.JsonValue json(String body) {
        return Json.createReader(new StringReader(body)).readValue();
    }

    private static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
