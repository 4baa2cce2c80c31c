package io.github.payop4j.ipn.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.config.SettingsSource;
import io.github.payop4j.config.PayopSettings;
import io.github.payop4j.config.Role;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The servlet's part of the configuration: only where values come from, in which order. */
class ServletSettingsSourceTest {

    /** A web application with these context parameters and no MicroProfile Config of its own. */
    static ServletContext context(Map<String, String> params) {
        ClassLoader loader = new URLClassLoader(new URL[0], null); // MicroProfile Config invisible
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInitParameter" -> params.get((String) args[0]);
                    case "getInitParameterNames" -> Collections.enumeration(params.keySet());
                    case "getClassLoader" -> loader;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void contextParametersComeFirstThenSystemPropertiesAndABlankOneCountsAsUnset() {
        String key = "payop.ipn.path";
        System.setProperty(key, "/from-system-property");
        try {
            assertEquals(Optional.of("/from-context"), ServletSettingsSource.of(context(Map.of(key, "/from-context")))
                    .value(key));
            assertEquals(Optional.of("/from-system-property"), ServletSettingsSource.of(context(Map.of(key, "  ")))
                    .value(key));
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void theServletReadsTheSameKeysAsEveryOtherSourceIntoCoresModel() {
        SettingsSource source = ServletSettingsSource.of(context(Map.of(
                "payop.jwt-token", "eyJ0ZXN0IjoidG9rZW4ifQ.c2hvcC10b2tlbg.c2ln",
                "payop.ipn.lease-seconds", "90",
                "payop.ipn.path", "/hooks/payop")));
        PayopSettings settings = PayopSettings.read(source, Role.IPN);
        assertEquals("/hooks/payop", settings.ipnPath());
        assertEquals(Duration.ofSeconds(90), settings.ipnLease(), "an old key, read in the new format");
    }

    @Test
    void theNamesForTheUnknownNameCheckIncludeTheContextParameters() {
        List<String> names = ServletSettingsSource.names(context(Map.of("payop.ipn.pth", "/x")));
        assertTrue(names.contains("payop.ipn.pth"), names.toString());
        assertEquals(List.of("PAYOP-CONFIG-002 payop.ipn.pth is not a payop4j setting and is ignored (did you mean"
                + " payop.ipn.path?)"), PayopSettings.warnings(key -> Optional.empty(), List.of("payop.ipn.pth")));
    }
}
