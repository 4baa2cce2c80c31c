package io.github.payop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The emulator listens on 127.0.0.1 only and leaves nothing running after close(). */
class LifecycleTest {

    @Test
    void listensOnLoopbackOnlyAndFreesThePortOnClose() throws IOException {
        long threadsBefore = emulatorThreads();
        int port;
        try (PayopEmulator payop = PayopEmulator.start()) {
            port = payop.port();
            assertEquals("127.0.0.1", payop.wireMock().getOptions().bindAddress());
            assertEquals(List.of("0100007F"), listeners(port), "the only listener on the port is 127.0.0.1");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
            payop.client().paymentMethods().available();
        }
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        });
        assertEquals(List.of(), listeners(port));
        assertEquals(threadsBefore, emulatorThreads(), "the IPN thread stopped with the emulator");
    }

    @Test
    void aTakenPortIsReportedWithTheFix() {
        try (PayopEmulator first = PayopEmulator.start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> PayopEmulator.builder().port(first.port()).start());
            assertTrue(e.getMessage().contains("choose another port or 0 for a free one"), e.getMessage());
        }
    }

    @Test
    void credentialsAreFreshPerEmulatorAndTheClientPropertiesPointAtIt() {
        try (PayopEmulator a = PayopEmulator.start(); PayopEmulator b = PayopEmulator.start()) {
            assertTrue(!a.secretKey().equals(b.secretKey()) && !a.jwtToken().equals(b.jwtToken()));
            assertEquals(a.apiUrl().toString(), a.clientProperties().get("payop.api-url"));
            assertEquals(a.checkoutUrl().toString(), a.clientProperties().get("payop.checkout-url"));
            assertEquals("127.0.0.1", a.clientProperties().get("payop.ipn.allowed-ips"));
            assertEquals(a.withdrawalCertificate(), io.github.payop4j.withdrawal.WithdrawalCertificate
                    .fromBase64(a.clientProperties().get("payop.withdrawal-certificate")));
            assertTrue(!a.toString().contains(a.secretKey()) && !a.toString().contains(a.jwtToken()));
        }
    }

    private static long emulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("payop-emulator"))
                .filter(Thread::isAlive).count();
    }

    /**
     * Local addresses listening on {@code port}, as /proc/net/tcp and tcp6 show them (hex); an
     * IPv4-mapped IPv6 listener counts as its IPv4 address.
     */
    private static List<String> listeners(int port) throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        if (!Files.exists(tcp)) {
            return List.of("0100007F"); // not Linux: the bind address assertion above stands alone
        }
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        // Read once: the table changes between two reads while other connections come and go.
        List<String> four = Files.readAllLines(tcp);
        List<String> lines = new java.util.ArrayList<>(four.subList(1, four.size()));
        Path tcp6 = Path.of("/proc/net/tcp6");
        if (Files.exists(tcp6)) {
            List<String> six = Files.readAllLines(tcp6);
            lines.addAll(six.subList(1, six.size()));
        }
        return lines.stream().map(String::trim).map(l -> l.split("\\s+"))
                .filter(f -> f[1].endsWith(":" + hexPort) && f[3].equals("0A"))
                .map(f -> f[1].substring(0, f[1].indexOf(':')))
                .map(a -> a.length() == 32 && a.startsWith("0000000000000000FFFF0000") ? a.substring(24) : a)
                .toList();
    }
}
