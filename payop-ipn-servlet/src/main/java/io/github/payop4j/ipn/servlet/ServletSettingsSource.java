package io.github.payop4j.ipn.servlet;

import io.github.payop4j.config.SettingsSource;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where payop-ipn-servlet reads the {@code payop.*} settings of a web application, first hit
 * wins: its context parameters ({@code <context-param>} in web.xml, so each deployment in a
 * shared server has its own), then its MicroProfile Config when the server has one, then JVM
 * system properties, then environment variables ({@code payop.jwt-token} is
 * {@code PAYOP_JWT_TOKEN}), the place for secrets. Only the sources are the servlet's: what the
 * keys mean, their defaults and their validation are payop-core's
 * ({@link io.github.payop4j.config.PayopSettings}).
 */
public final class ServletSettingsSource {

    private static final String MP_PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";
    private static final String MP_CONFIG = "org.eclipse.microprofile.config.Config";

    private ServletSettingsSource() {
    }

    /** The sources of {@code context}, in order. */
    public static SettingsSource of(ServletContext context) {
        SettingsSource contextParameters = key -> Optional.ofNullable(context.getInitParameter(key));
        return contextParameters.orElse(microProfileConfig(context.getClassLoader()))
                .orElse(SettingsSource.systemProperties())
                .orElse(SettingsSource.environmentVariables());
    }

    /** Every name these sources hold that may be a payop4j setting, for the unknown-name warning. */
    public static List<String> names(ServletContext context) {
        List<String> names = new ArrayList<>(Collections.list(context.getInitParameterNames()));
        names.addAll(microProfileNames(context.getClassLoader()));
        System.getProperties().stringPropertyNames().forEach(names::add);
        names.addAll(System.getenv().keySet());
        return names;
    }

    /**
     * The web application's MicroProfile Config, when the server offers it (WildFly and Payara
     * do), so {@code payop.ipn.path} in {@code META-INF/microprofile-config.properties} counts as
     * it does for the CDI adapter. Reached by reflection: the servlet must also run without it.
     */
    static SettingsSource microProfileConfig(ClassLoader loader) {
        Object config = config(loader);
        if (config == null) {
            return key -> Optional.empty();
        }
        return key -> {
            try {
                Method get = config.getClass().getMethod("getOptionalValue", String.class, Class.class);
                Object value = ((Optional<?>) get.invoke(config, key, String.class)).orElse(null);
                return Optional.ofNullable(value == null ? null : value.toString());
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        };
    }

    private static List<String> microProfileNames(ClassLoader loader) {
        Object config = config(loader);
        List<String> names = new ArrayList<>();
        if (config != null) {
            try {
                Object all = Class.forName(MP_CONFIG, true, loader).getMethod("getPropertyNames").invoke(config);
                ((Iterable<?>) all).forEach(n -> names.add(String.valueOf(n)));
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // No names, no unknown-name warnings: the values are still read.
            }
        }
        return names;
    }

    private static Object config(ClassLoader loader) {
        try {
            Class<?> provider = Class.forName(MP_PROVIDER, true, loader);
            return provider.getMethod("getConfig", ClassLoader.class).invoke(null, loader);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
