package io.github.payop4j.jaxrs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.config.Role;
import io.github.payop4j.config.Setting;
import io.github.payop4j.config.SettingsSource;
import io.github.payop4j.ipn.servlet.ServletSettingsSource;
import io.github.payop4j.jaxrs.MapConfigSource;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary (issue 8): the same property set, given to payop-ipn-servlet as web.xml context
 * parameters and to the adapter as MicroProfile Config, gives equal settings and equal warnings.
 * Neither module parses anything itself; both map their sources onto payop-core's model.
 */
class SameSettingsBothWaysTest {

    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("payop.public-key", "application-5f1ee8d7"),
            Map.entry("payop.secret-key", "s3cr3t-KEY-never-shown-9f8e7d"),
            Map.entry("payop.jwt-token", "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.e30.c2ln"),
            Map.entry("payop.project-id", "3f6a2b1c"),
            Map.entry("payop.api-url", "http://127.0.0.1:8089"),
            Map.entry("payop.http.connect-timeout", "500ms"),
            Map.entry("payop.http.max-attempts", "2"),
            Map.entry("payop.language", "de"),
            Map.entry("payop.result-url", "https://shop.example/paid?invoice={{invoiceId}}"),
            Map.entry("payop.card-method", "480"),
            Map.entry("payop.ipn.path", "/hooks/payop"),
            Map.entry("payop.ipn.allowed-ips", "10.0.0.0/8, 2001:db8::/32"),
            Map.entry("payop.ipn.trusted-proxies", "192.168.1.10"),
            Map.entry("payop.ipn.datasource", "java:app/jdbc/shop"),
            Map.entry("payop.ipn.max-body-bytes", "4096"),
            // Old servlet keys: read the same way by both, with the same warnings.
            Map.entry("payop.ipn.journal.table-prefix", "shop_ipn_"),
            Map.entry("payop.ipn.lease-seconds", "90"),
            Map.entry("payop.ipn.api-timeout-seconds", "7"),
            Map.entry("payop.languge", "en"));

    /** A web application whose context parameters are {@code params}; MicroProfile Config invisible to it. */
    private static ServletContext webapp(Map<String, String> params) {
        ClassLoader isolated = new URLClassLoader(new URL[0], null);
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInitParameter" -> params.get((String) args[0]);
                    case "getInitParameterNames" -> Collections.enumeration(params.keySet());
                    case "getClassLoader" -> isolated;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void contextParametersAndMicroProfileConfigGiveEqualSettingsAndWarnings() {
        ServletContext context = webapp(PROPERTIES);
        SettingsSource servlet = ServletSettingsSource.of(context);
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config config = resolver.getBuilder().withSources(new MapConfigSource(PROPERTIES)).build();
        SettingsSource adapter = MicroProfileSettingsSource.of(config);

        PayopSettings viaServlet = PayopSettings.read(servlet, Role.CHECKOUT, Role.IPN);
        PayopSettings viaAdapter = PayopSettings.read(adapter, Role.CHECKOUT, Role.IPN);

        assertEquals(viaAdapter, viaServlet);
        assertEquals(viaAdapter.toString(), viaServlet.toString());
        assertEquals(viaAdapter, PayopSettings.read(servlet, Role.IPN), "the servlet's role, the same values");
        assertEquals("shop_ipn_", viaServlet.ipnTablePrefix());
        assertEquals(java.time.Duration.ofSeconds(7), viaServlet.readTimeout());
        assertEquals(java.time.Duration.ofMillis(500), viaServlet.connectTimeout(), "the new key wins");

        List<String> servletWarnings = PayopSettings.warnings(servlet, ServletSettingsSource.names(context));
        List<String> adapterWarnings = PayopSettings.warnings(adapter, MicroProfileSettingsSource.names(config));
        assertEquals(ours(adapterWarnings), ours(servletWarnings));
        assertEquals(4, ours(servletWarnings).size(), servletWarnings::toString);
    }

    @Test
    void everySettingCanBeGivenEitherWay() {
        // Not a sample: every key of the model, so a setting added later is covered without touching this test.
        Map<String, String> all = new HashMap<>(PROPERTIES);
        for (Setting<?> s : Setting.all()) {
            s.defaultValue().ifPresent(d -> all.putIfAbsent(s.key(), d));
        }
        all.put("payop.fail-url", "https://shop.example/failed");
        all.put("payop.withdrawal-certificate", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        Config config = ConfigProviderResolver.instance().getBuilder().withSources(new MapConfigSource(all)).build();
        PayopSettings viaAdapter = PayopSettings.read(MicroProfileSettingsSource.of(config), Role.CHECKOUT, Role.IPN);
        PayopSettings viaServlet = PayopSettings.read(ServletSettingsSource.of(webapp(all)), Role.CHECKOUT, Role.IPN);
        assertEquals(viaAdapter, viaServlet);
        assertNotEquals(PayopSettings.read(SettingsSource.of(PROPERTIES), Role.CHECKOUT, Role.IPN), viaServlet);
    }

    /** The warnings about the keys of this test (the JVM's own environment may add others). */
    private static List<String> ours(List<String> warnings) {
        return warnings.stream().filter(w -> w.startsWith("PAYOP-CONFIG-001") || w.contains("payop.languge")).toList();
    }
}
