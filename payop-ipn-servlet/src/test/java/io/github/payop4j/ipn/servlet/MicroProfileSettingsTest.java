package io.github.payop4j.ipn.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.payop4j.config.SettingsSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** With the CDI adapter, payop.ipn.* live in microprofile-config.properties; the servlet must see them. */
class MicroProfileSettingsTest {

    @Test
    void theWebApplicationsMicroProfileConfigIsConsulted() {
        ClassLoader webapp = new URLClassLoader(new URL[0], getClass().getClassLoader());
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config config = resolver.getBuilder().withSources(new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return Set.of("payop.ipn.path");
            }

            @Override
            public String getValue(String name) {
                return Map.of("payop.ipn.path", "/hooks/payop").get(name);
            }

            @Override
            public String getName() {
                return "microprofile-config.properties";
            }
        }).build();
        resolver.registerConfig(config, webapp);
        try {
            SettingsSource settings = ServletSettingsSource.microProfileConfig(webapp);
            assertEquals(Optional.of("/hooks/payop"), settings.value("payop.ipn.path"));
            assertEquals(Optional.empty(), settings.value("payop.ipn.datasource"));
        } finally {
            resolver.releaseConfig(config);
        }
    }
}
