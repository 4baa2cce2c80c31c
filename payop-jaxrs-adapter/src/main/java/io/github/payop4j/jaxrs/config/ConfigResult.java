package io.github.payop4j.jaxrs.config;

import java.util.List;
import java.util.Objects;

/** What {@link PayopConfig#read} found: valid settings, or every problem at once. */
public sealed interface ConfigResult permits ConfigResult.Valid, ConfigResult.Invalid {

    /**
     * The settings.
     *
     * @throws PayopConfigurationException listing every problem if the configuration is invalid
     */
    PayopSettings orElseThrow();

    /** The configuration is complete and valid. */
    record Valid(PayopSettings settings) implements ConfigResult {
        public Valid {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public PayopSettings orElseThrow() {
            return settings;
        }
    }

    /** At least one property is missing or invalid. */
    record Invalid(List<ConfigProblem> problems) implements ConfigResult {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid configuration has at least one problem");
            }
        }

        /** One message naming every offending property and how to fix it, without secret values. */
        public String message() {
            return PayopConfigurationException.describe(problems);
        }

        @Override
        public PayopSettings orElseThrow() {
            throw new PayopConfigurationException(problems);
        }
    }
}
