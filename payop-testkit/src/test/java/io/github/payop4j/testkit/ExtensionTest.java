package io.github.payop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.PayopClient;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;

/** The JUnit 5 extension: one emulator for the class, reset before each test, injected. */
@PayopEmulatorTest(ipnRepeats = 2, ipnSourceAddress = "127.0.0.9")
class ExtensionTest {

    private static final AtomicReference<PayopEmulator> FIRST = new AtomicReference<>();

    @RepeatedTest(3)
    void eachTestStartsFromAFreshEmulatorOfTheSameClass(PayopEmulator payop, PayopClient client) {
        FIRST.compareAndSet(null, payop);
        assertSame(FIRST.get(), payop, "one emulator per class");
        assertSame(payop.client(), client);
        assertEquals(0, payop.wireMock().getAllServeEvents().size(), "reset before each test");
        assertTrue(payop.sentIpns().isEmpty());
        assertEquals("127.0.0.9", payop.ipnSourceAddress());
        String invoiceId = Invoices.create(client, "ext-1", "1.00", null).invoiceId();
        payop.pay(invoiceId);
        assertEquals("1.00", client.wallet().balances().currencies().get(0).available(), "balances reset too");
    }
}
