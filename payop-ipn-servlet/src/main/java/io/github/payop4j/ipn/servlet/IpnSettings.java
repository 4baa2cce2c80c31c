package io.github.payop4j.ipn.servlet;

import jakarta.servlet.ServletContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The endpoint's configuration keys and where they are read from, first hit wins: the web
 * application's context parameters ({@code <context-param>} in web.xml, so each deployment in
 * a shared server has its own), then JVM system properties, then environment variables
 * ({@code payop.jwt-token} is {@code PAYOP_JWT_TOKEN}), the place for secrets.
 */
final class IpnSettings {

    static final String ENABLED = "payop.ipn.enabled";
    static final String PATH = "payop.ipn.path";
    static final String API_URL = "payop.api-url";
    static final String JWT_TOKEN = "payop.jwt-token";
    static final String API_TIMEOUT_SECONDS = "payop.ipn.api-timeout-seconds";
    static final String VERIFY_WITH_API = "payop.ipn.verify-with-api";
    static final String ALLOWED_IPS = "payop.ipn.allowed-ips";
    static final String TRUSTED_PROXIES = "payop.ipn.trusted-proxies";
    static final String JOURNAL = "payop.ipn.journal";
    static final String JOURNAL_TABLE_PREFIX = "payop.ipn.journal.table-prefix";
    static final String MAX_BODY_BYTES = "payop.ipn.max-body-bytes";
    static final String LEASE_SECONDS = "payop.ipn.lease-seconds";

    static final String DEFAULT_PATH = "/payop/ipn";
    static final String MEMORY_JOURNAL = "memory";

    private final UnaryOperator<String> source;

    IpnSettings(UnaryOperator<String> source) {
        this.source = source;
    }

    static IpnSettings from(ServletContext context) {
        UnaryOperator<String> microProfile = microProfileConfig(context.getClassLoader());
        return new IpnSettings(key -> {
            String value = context.getInitParameter(key);
            if (value == null) {
                value = microProfile.apply(key);
            }
            if (value == null) {
                value = System.getProperty(key);
            }
            if (value == null) {
                value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
            }
            return value;
        });
    }

    /**
     * MicroProfile Config of the web application, when the server offers it (WildFly and Payara
     * do), so {@code payop.ipn.path} in {@code META-INF/microprofile-config.properties} counts as
     * it does for the CDI adapter. Reached by reflection: the servlet must also run without it.
     */
    static UnaryOperator<String> microProfileConfig(ClassLoader loader) {
        try {
            Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader);
            Class<?> configType = Class.forName("org.eclipse.microprofile.config.Config", true, loader);
            Object config = provider.getMethod("getConfig", ClassLoader.class).invoke(null, loader);
            java.lang.reflect.Method optionalValue = configType.getMethod("getOptionalValue", String.class, Class.class);
            return key -> {
                try {
                    Object value = ((java.util.Optional<?>) optionalValue.invoke(config, key, String.class)).orElse(null);
                    return value == null ? null : value.toString();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            };
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return key -> null;
        }
    }

    /** The trimmed value, {@code null} when unset or blank. */
    String get(String key) {
        String v = source.apply(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    String get(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    boolean flag(String key, boolean fallback) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + " must be true or false, was \"" + v + "\"");
    }

    int integer(String key, int fallback) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was \"" + v + "\"", e);
        }
    }

    /** A comma- or whitespace-separated list. */
    List<String> list(String key, List<String> fallback) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        return Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }
}
