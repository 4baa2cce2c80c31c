package io.github.payop4j.ipn.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broken bodies through the real servlet and HTTP stack (the core's fuzz test covers thousands
 * more): all 4xx, none 5xx, none journaled.
 */
class MalformedBodiesOverHttpTest {

    static final String H2_URL = "jdbc:h2:mem:ipn-servlet-fuzz;DB_CLOSE_DELAY=-1";
    static final List<String> DOCS = List.of("ipn-checkout.json", "ipn-checkout-short.json", "ipn-refund.json",
            "ipn-withdrawal.json", "ipn-withdrawal-pending.json");
    static Jetty jetty;

    @BeforeAll
    static void deploy() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(H2_URL);
        TestNaming.BINDINGS.put("java:comp/env/jdbc/fuzz", h2);
        jetty = Jetty.start(Jetty.webapp("/fuzz", Map.of("payop.ipn.allowed-ips", "127.0.0.1",
                "payop.ipn.verify-with-api", "false", "payop.ipn.datasource", "java:comp/env/jdbc/fuzz")));
    }

    @AfterAll
    static void undeploy() {
        jetty.close();
    }

    @Test
    void threeHundredBrokenBodiesAreAll4xx() throws Exception {
        Random random = new Random(20240611L);
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            String doc = Jetty.doc(DOCS.get(random.nextInt(DOCS.size())));
            byte[] body = switch (i % 6) {
                case 0 -> utf8(doc.substring(0, random.nextInt(doc.lastIndexOf('}'))));
                case 1 -> insert(utf8(doc), random.nextInt(doc.length()), new byte[] {(byte) 0xC0, (byte) 0xAF});
                case 2 -> utf8(doc.replaceFirst("\"state\": [0-9]+", "\"state\": " + List.of("\"2\"x", "[]", "{}",
                        "null", "1e999999999", "2.5").get(random.nextInt(6))));
                case 3 -> utf8("[".repeat(65 + random.nextInt(5000)));
                case 4 -> {
                    byte[] b = new byte[1 + random.nextInt(200)];
                    random.nextBytes(b);
                    yield b;
                }
                default -> utf8(doc.replace("\"id\"", "\"ID\"").replace("refundId", "refund").replace("withdrawalId",
                        "withdrawal"));
            };
            int status = jetty.post("/fuzz/payop/ipn", body).status();
            statuses.merge(status, 1, Integer::sum);
            assertEquals(400, status, () -> new String(body, StandardCharsets.UTF_8));
        }
        System.out.printf("300 malformed bodies over HTTP in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000,
                statuses);
        try (Connection c = DriverManager.getConnection(H2_URL); Statement s = c.createStatement()) {
            boolean tables;
            try (ResultSet rs = c.getMetaData().getTables(null, null, "PAYOP_IPN_DELIVERY", null)) {
                tables = rs.next();
            }
            if (tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM payop_ipn_delivery")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "nothing malformed is journaled");
                }
            }
            assertTrue(statuses.keySet().stream().allMatch(st -> st >= 400 && st < 500));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] body, int at, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.write(bytes, 0, bytes.length);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }
}
