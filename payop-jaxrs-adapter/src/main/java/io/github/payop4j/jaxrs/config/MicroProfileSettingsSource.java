package io.github.payop4j.jaxrs.config;

import io.github.payop4j.config.SettingsSource;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Where the adapter reads the {@code payop.*} settings: the application's MicroProfile Config
 * ({@code META-INF/microprofile-config.properties}, system properties, environment variables and
 * whatever sources the server adds). Only the source is the adapter's: what the keys mean, their
 * defaults and their validation are payop-core's ({@link io.github.payop4j.config.PayopSettings}).
 */
public final class MicroProfileSettingsSource {

    private MicroProfileSettingsSource() {
    }

    /** The values of {@code config}. */
    public static SettingsSource of(Config config) {
        return key -> config.getOptionalValue(key, String.class);
    }

    /** Every property name {@code config} lists, for the unknown-name warning. */
    public static List<String> names(Config config) {
        List<String> names = new ArrayList<>();
        config.getPropertyNames().forEach(names::add);
        return names;
    }
}
