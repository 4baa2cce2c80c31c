package io.github.payop4j.jaxrs.config;

import java.util.List;

/**
 * The Payop configuration is incomplete or invalid. The message lists every offending property
 * and how to fix it, and never contains a secret value.
 */
public class PayopConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public PayopConfigurationException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in property order. */
    public List<ConfigProblem> problems() {
        return problems == null ? List.of() : problems;
    }

    static String describe(List<ConfigProblem> problems) {
        StringBuilder b = new StringBuilder()
                .append("payop4j cannot start: ").append(problems.size())
                .append(problems.size() == 1 ? " Payop configuration property needs" : " Payop configuration properties need")
                .append(" fixing. Set them as MicroProfile Config properties (META-INF/microprofile-config.properties,")
                .append(" system properties, or environment variables such as PAYOP_SECRET_KEY for payop.secret-key):");
        for (ConfigProblem p : problems) {
            b.append("\n  - ").append(p.property()).append(": ").append(p.message());
        }
        return b.toString();
    }
}
