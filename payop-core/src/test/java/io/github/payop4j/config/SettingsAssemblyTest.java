package io.github.payop4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.PayopClient;
import io.github.payop4j.ipn.IpnDelivery;
import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.testing.LogLines;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.naming.NameNotFoundException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The one assembly of a client and an IPN pipeline from settings, as the servlet and the adapter use it. */
class SettingsAssemblyTest {

    static final String H2 = "jdbc:h2:mem:settings-assembly;DB_CLOSE_DELAY=-1";

    private final Map<String, String> props = new HashMap<>(Map.of(
            "payop.public-key", "application-5f1ee8d7",
            "payop.secret-key", "s3cr3t-KEY-never-shown-9f8e7d",
            "payop.jwt-token", "eyJhbGciOiJIUzI1NiJ9.e30.c2ln",
            "payop.api-url", "http://127.0.0.1:9",
            "payop.ipn.allowed-ips", "127.0.0.1"));

    private PayopSettings settings() {
        return PayopSettings.read(SettingsSource.of(props), Role.CHECKOUT, Role.IPN);
    }

    private static DataSourceLookup h2(String name) {
        return jndiName -> {
            if (!jndiName.equals(name)) {
                throw new NameNotFoundException(jndiName);
            }
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(H2);
            return ds;
        };
    }

    @Test
    void theClientCarriesEveryClientSetting() {
        try (PayopClient client = settings().clientBuilder().appInfo("test").build()) {
            assertEquals(URI.create("http://127.0.0.1:9"), client.apiUrl());
            assertTrue(client.hasJwtToken());
            assertFalse(client.toString().contains("s3cr3t"), client.toString());
        }
    }

    /** The README's Java SE line: settings from the environment (here with a fallback) into a client. */
    @Test
    void aJavaSeShopReadsTheSameSettingsFromTheEnvironment() {
        SettingsSource source = SettingsSource.environmentVariables().orElse(SettingsSource.of(props));
        try (PayopClient client = PayopSettings.read(source, Role.CHECKOUT).clientBuilder().build()) {
            assertEquals(URI.create("http://127.0.0.1:9"), client.apiUrl());
        }
    }

    @Test
    void thePipelineJournalsInTheNamedDataSourceWithTheConfiguredPrefixAndCap() throws SQLException {
        props.put("payop.ipn.datasource", "java:comp/DefaultDataSource");
        props.put("payop.ipn.table-prefix", "assembly_ipn_");
        props.put("payop.ipn.max-body-bytes", "4096");
        props.put("payop.ipn.lease", "90s");
        props.put("payop.ipn.duplicate-wait", "1500ms");
        props.put("payop.ipn.verify-with-api", "false");
        List<IpnEvent> events = new CopyOnWriteArrayList<>();
        IpnProcessor processor = settings().ipnProcessorBuilder(null, h2("java:comp/DefaultDataSource"),
                IpnJournal.JdbcOptions.DEFAULTS).handler(events::add).build();

        assertEquals(4096, processor.maxBodyBytes());
        assertFalse(processor.verifiesWithApi());
        assertTrue(processor.toString().contains("lease=PT1M30S"), processor.toString());
        assertTrue(processor.toString().contains("duplicateWait=PT1.5S"), processor.toString());
        assertTrue(processor.sources().allows("127.0.0.1"));
        String body = "{\"invoice\":{\"id\":\"inv-1\",\"status\":1,\"txid\":\"tx-assembly-1\"},\"transaction\":"
                + "{\"id\":\"tx-assembly-1\",\"state\":2,\"order\":{\"id\":\"o-1\"},\"error\":{\"message\":\"\"}}}";
        assertEquals(200, processor.process(IpnDelivery.of(body.getBytes(StandardCharsets.UTF_8), "127.0.0.1"))
                .httpStatus());
        assertEquals(1, events.size());
        try (Connection c = DriverManager.getConnection(H2);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM assembly_ipn_delivery")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void aDataSourceThatIsNotThereNamesTheSettingAndTheWayOut() {
        props.put("payop.ipn.datasource", "java:app/jdbc/missing");
        PayopSettings s = settings();
        try (PayopClient client = s.clientBuilder().build()) {
            PayopConfigurationException e = assertThrows(PayopConfigurationException.class,
                    () -> s.ipnProcessorBuilder(client, h2("java:comp/DefaultDataSource"), IpnJournal.JdbcOptions.DEFAULTS));
            assertEquals("payop.ipn.datasource", e.problems().get(0).key());
            assertTrue(e.getMessage().contains("\"java:app/jdbc/missing\""), e.getMessage());
            assertTrue(e.getMessage().contains("payop.ipn.datasource=none"), e.getMessage());
        }
    }

    @Test
    void noneIsTheInMemoryJournalWithAWarning() {
        props.put("payop.ipn.datasource", "none");
        PayopSettings s = settings();
        try (LogLines log = LogLines.of("io.github.payop4j.config"); PayopClient client = s.clientBuilder().build()) {
            IpnProcessor processor = s.ipnProcessorBuilder(client, name -> {
                throw new AssertionError("no lookup for none");
            }, IpnJournal.JdbcOptions.DEFAULTS).handler(e -> { }).build();
            assertEquals("IpnJournal.inMemory()", processor.journal().toString());
            assertTrue(processor.verifiesWithApi());
            List<String> warnings = log.startingWith("PAYOP-CONFIG-003 payop.ipn.datasource=none");
            assertEquals(1, warnings.size(), warnings.toString());
        }
    }

    @Test
    void confirmationWithoutAClientIsRefused() {
        props.put("payop.ipn.datasource", "none");
        PayopConfigurationException e = assertThrows(PayopConfigurationException.class,
                () -> settings().ipnProcessorBuilder(null, DataSourceLookup.jndi(), IpnJournal.JdbcOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("payop.jwt-token"), e.getMessage());
    }
}
