package io.github.payop4j.internal.config;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An old name of a setting, accepted for one release.
 *
 * @param oldKey the old name
 * @param translate turns an old value into the new format ({@code 120} seconds into {@code 120s});
 *     throws {@link IllegalArgumentException} completing "VALUE ..." when it cannot
 */
public record Alias(String oldKey, UnaryOperator<String> translate) {

    public Alias {
        Objects.requireNonNull(oldKey, "oldKey");
        Objects.requireNonNull(translate, "translate");
    }

    /** The same value under a new name. */
    public static Alias renamed(String oldKey) {
        return new Alias(oldKey, UnaryOperator.identity());
    }

    /** A whole number of seconds that became a duration. */
    public static Alias seconds(String oldKey) {
        return new Alias(oldKey, v -> {
            if (!v.matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException("is not a whole number of seconds.");
            }
            return v + "s";
        });
    }
}
