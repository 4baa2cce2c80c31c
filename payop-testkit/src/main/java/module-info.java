/**
 * payop-testkit: a stateful Payop emulator for a shop's tests. Only {@code io.github.payop4j.testkit}
 * is exported; the emulator's insides stay in {@code io.github.payop4j.testkit.internal}.
 */
module io.github.payop4j.testkit {
    requires transitive io.github.payop4j.core;
    requires transitive wiremock.standalone;
    requires static org.junit.jupiter.api;

    exports io.github.payop4j.testkit;

    // The JUnit engine instantiates the extension reflectively.
    opens io.github.payop4j.testkit to org.junit.platform.commons;
}
