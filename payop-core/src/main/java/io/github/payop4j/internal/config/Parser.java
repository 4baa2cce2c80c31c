package io.github.payop4j.internal.config;

import java.util.function.UnaryOperator;

/**
 * Turns one trimmed, non-blank setting value into its typed value.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface Parser<T> {

    /**
     * @param raw the value as configured
     * @param shown quotes a value for a message, or hides it when it contains a secret
     * @throws IllegalArgumentException with the whole message (what is wrong and what to write);
     *     it quotes values only through {@code shown}
     */
    T parse(String raw, UnaryOperator<String> shown);
}
