package io.github.payop4j.config;

import java.util.List;

/**
 * The Payop settings are incomplete or invalid. The message lists every problem at once, each
 * with its fix, and never contains a secret value.
 */
public class PayopConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public PayopConfigurationException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order of {@link Setting#all()}. */
    public List<ConfigProblem> problems() {
        return problems == null ? List.of() : problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        StringBuilder b = new StringBuilder()
                .append("payop4j cannot start: ").append(problems.size())
                .append(problems.size() == 1 ? " Payop setting needs" : " Payop settings need")
                .append(" fixing. Set them as MicroProfile Config properties (META-INF/microprofile-config.properties),")
                .append(" web.xml context parameters (payop-ipn-servlet), system properties, or environment variables")
                .append(" (PAYOP_SECRET_KEY for payop.secret-key):");
        for (ConfigProblem p : problems) {
            b.append("\n  - ").append(p.key()).append(": ").append(p.message());
        }
        return b.toString();
    }
}
