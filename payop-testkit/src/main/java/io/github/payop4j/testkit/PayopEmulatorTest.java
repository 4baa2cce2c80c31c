package io.github.payop4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against one {@link PayopEmulator}, started before the first test, reset
 * before each test and closed after the last. Test methods, constructors and lifecycle methods may
 * take {@link PayopEmulator} and {@link io.github.payop4j.PayopClient} parameters. IPN retries
 * default to a compressed schedule (50, 100, 200 ms) so a test does not wait for Payop's 24 hours.
 * For any other setting, register {@link PayopEmulatorExtension} with a builder instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PayopEmulatorExtension.class)
public @interface PayopEmulatorTest {

    /** The shop's IPN URL; empty: none until {@link PayopEmulator#sendIpnsTo}. */
    String ipnUrl() default "";

    /** Where IPNs come from: a loopback address 127.x.y.z. */
    String ipnSourceAddress() default "127.0.0.1";

    /** How many times each acknowledged IPN is delivered (1: no duplicates). */
    int ipnRepeats() default 1;

    /** Whether card tokenization is enabled. */
    boolean cardTokenization() default true;
}
