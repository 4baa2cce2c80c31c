package io.github.payop4j.jaxrs.config;

import java.util.Objects;

/**
 * One configuration property that is missing or invalid.
 *
 * @param property the MicroProfile Config name, for example {@code payop.secret-key}
 * @param message what is wrong and how to fix it; never contains a secret value
 */
public record ConfigProblem(String property, String message) {

    public ConfigProblem {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return property + ": " + message;
    }
}
