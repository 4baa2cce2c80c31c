package io.github.payop4j.config;

import io.github.payop4j.internal.config.KeyNames;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code payop.*} values come from: a key in, its value (if set) out. A blank value counts
 * as unset. Combine sources with {@link #orElse}: the first that has a value wins.
 *
 * <pre>{@code
 * SettingsSource source = SettingsSource.systemProperties().orElse(SettingsSource.environmentVariables());
 * PayopSettings settings = PayopSettings.read(source, Role.CHECKOUT);
 * }</pre>
 */
@FunctionalInterface
public interface SettingsSource {

    /** The value of {@code key}, empty when it is not set here. */
    Optional<String> value(String key);

    /** This source, and {@code next} for the keys it does not have. */
    default SettingsSource orElse(SettingsSource next) {
        Objects.requireNonNull(next, "next");
        return key -> {
            Optional<String> v = value(key);
            return v.isPresent() && !v.get().isBlank() ? v : next.value(key);
        };
    }

    /** Fixed values, for tests and for callers that read their own configuration format. */
    static SettingsSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return key -> Optional.ofNullable(copy.get(key));
    }

    /** The JVM's system properties, read when asked. */
    static SettingsSource systemProperties() {
        return key -> Optional.ofNullable(System.getProperty(key));
    }

    /**
     * Environment variables, the place for secrets: {@code payop.jwt-token} is read from
     * {@code PAYOP_JWT_TOKEN} (upper case, every other character than a letter or digit as
     * {@code _}), as MicroProfile Config does.
     */
    static SettingsSource environmentVariables() {
        return key -> Optional.ofNullable(System.getenv(key))
                .or(() -> Optional.ofNullable(System.getenv(KeyNames.environmentForm(key))));
    }
}
