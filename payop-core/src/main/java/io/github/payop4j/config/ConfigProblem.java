package io.github.payop4j.config;

import java.util.Objects;

/**
 * One setting that is missing or invalid.
 *
 * @param key the setting's key (or old name), for example {@code payop.secret-key}
 * @param message what is wrong and how to fix it; never contains a secret value
 */
public record ConfigProblem(String key, String message) {

    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
