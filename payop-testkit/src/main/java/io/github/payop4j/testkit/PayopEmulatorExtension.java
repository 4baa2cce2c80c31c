package io.github.payop4j.testkit;

import io.github.payop4j.PayopClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: one {@link PayopEmulator} per test class, reset before each test, injected as a
 * {@link PayopEmulator} or {@link PayopClient} parameter. Use {@link PayopEmulatorTest} for the
 * defaults, or register it with your own configuration:
 *
 * <pre>{@code
 * @RegisterExtension
 * static PayopEmulatorExtension payop = PayopEmulatorExtension.with(PayopEmulator.builder().ipnRepeats(3));
 * }</pre>
 */
public final class PayopEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    /** The compressed IPN retry schedule tests get unless they choose one. */
    public static final Duration[] TEST_RETRY_SCHEDULE = {Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(200)};

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            PayopEmulatorExtension.class);

    private final PayopEmulator.Builder builder;
    private volatile PayopEmulator emulator;

    /** Used by {@link PayopEmulatorTest}: the configuration comes from the annotation. */
    public PayopEmulatorExtension() {
        this.builder = null;
    }

    private PayopEmulatorExtension(PayopEmulator.Builder builder) {
        this.builder = builder;
    }

    /** An extension whose emulator is built from {@code builder} (for {@code @RegisterExtension}). */
    public static PayopEmulatorExtension with(PayopEmulator.Builder builder) {
        return new PayopEmulatorExtension(Objects.requireNonNull(builder, "builder"));
    }

    /** The running emulator (between the class's first and last test). */
    public PayopEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The Payop emulator runs only while the test class runs");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PayopEmulator.Builder b = builder != null ? builder : fromAnnotation(context);
        PayopEmulator started = b.start();
        emulator = started;
        // The store closes it after the class, even when a later callback fails.
        context.getStore(NAMESPACE).put(PayopEmulator.class, started);
    }

    private static PayopEmulator.Builder fromAnnotation(ExtensionContext context) {
        PayopEmulator.Builder b = PayopEmulator.builder().ipnRetrySchedule(TEST_RETRY_SCHEDULE)
                .ipnTimeout(Duration.ofSeconds(5));
        Optional<PayopEmulatorTest> annotation = context.getTestClass()
                .map(c -> c.getAnnotation(PayopEmulatorTest.class));
        annotation.ifPresent(a -> {
            if (!a.ipnUrl().isEmpty()) {
                b.ipnUrl(a.ipnUrl());
            }
            b.ipnSourceAddress(a.ipnSourceAddress()).ipnRepeats(a.ipnRepeats()).cardTokenization(a.cardTokenization());
        });
        return b;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator = null;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PayopEmulator.class || type == PayopClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PayopEmulator e = emulator;
        if (e == null) {
            throw new ParameterResolutionException("The Payop emulator is not running: the extension starts it"
                    + " before all tests of the class; register it statically (@RegisterExtension static ...)");
        }
        return parameter.getParameter().getType() == PayopClient.class ? e.client() : e;
    }
}
