package io.github.payop4j.ipn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * Refunding double payments rests on the record of which transaction paid each order, kept by
 * the built-in journals only. With a journal the shop wrote itself the option did nothing, without
 * a word; now the processor is not built.
 */
class DoublePaymentRefundSetupTest {

    /** A journal of the shop's own: here one that forwards every call to an in-memory journal. */
    private static IpnJournal shopsOwnJournal() {
        IpnJournal inner = IpnJournal.inMemory();
        return (IpnJournal) Proxy.newProxyInstance(IpnJournal.class.getClassLoader(), new Class<?>[] {IpnJournal.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void refundingDoublePaymentsOnAJournalOfTheShopsOwnIsRefusedAndTheMessageNamesTheFix() {
        try (PayopClient client = ClientFixture.client("http://127.0.0.1:9")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> IpnProcessor.builder(client)
                    .handler(event -> { }).journal(shopsOwnJournal()).refundDoublePayments(true).build());
            assertTrue(e.getMessage().contains("IpnJournal.jdbc"), e.getMessage());

            assertDoesNotThrow(() -> IpnProcessor.builder(client).handler(event -> { }).journal(shopsOwnJournal())
                    .build(), "without the option a journal of the shop's own is fine");
            assertDoesNotThrow(() -> IpnProcessor.builder(client).handler(event -> { })
                    .journal(IpnJournal.inMemory()).refundDoublePayments(true).build());
        }
    }
}
