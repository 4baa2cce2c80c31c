package io.github.payop4j.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.payop4j.reliability.report.Figures;
import io.github.payop4j.reliability.report.LogScan;
import io.github.payop4j.reliability.server.Postgres;
import io.github.payop4j.reliability.server.WildFlyNode;
import io.github.payop4j.testkit.PayopEmulator;
import io.github.payop4j.testkit.TestCards;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every scenario shares: where it works, how Payop is played, what counts as a secret. */
final class Suite {

    /** The address Payop's IPNs come from in this suite: the emulator's, and the shops' allow-list. */
    static final String PAYOP_SOURCE = "127.0.0.7";
    /** A reverse proxy of the shop's own, the only peer whose forwarding headers are believed. */
    static final String SHOP_PROXY = "127.0.0.8";
    /** Anyone else on the network. */
    static final String STRANGER = "127.0.0.9";

    private Suite() {
    }

    static Path work(String scenario) {
        return Path.of(System.getProperty("rel.work", "target/reliability")).resolve(scenario);
    }

    /** Payop, sending from {@link #PAYOP_SOURCE}; without an IPN URL it records the IPNs it would send. */
    static PayopEmulator.Builder emulator() {
        return PayopEmulator.builder().ipnSourceAddress(PAYOP_SOURCE);
    }

    /** The shop's payop.* settings for this emulator (its keys, token, API URL, the allow-list). */
    static Map<String, String> shopSettings(PayopEmulator payop) {
        Map<String, String> settings = new LinkedHashMap<>(payop.clientProperties());
        settings.put("payop.ipn.trusted-proxies", SHOP_PROXY);
        return settings;
    }

    /** The configured secrets (and the test cards, should a card flow ever run), by name. */
    static Map<String, String> secrets(PayopEmulator payop) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("payop.secret-key", payop.secretKey());
        secrets.put("payop.jwt-token", payop.jwtToken());
        for (String card : List.of(TestCards.SUCCESS, TestCards.SUCCESS_MASTERCARD, TestCards.THREE_D_SECURE,
                TestCards.DECLINED, TestCards.INSUFFICIENT_FUNDS)) {
            secrets.put("card " + card.substring(card.length() - 4), card);
        }
        return secrets;
    }

    /** The API confirmations Payop (the emulator) answered for these transactions ({@code GET /v2/transactions/{id}}). */
    static int apiConfirmations(PayopEmulator payop, java.util.Collection<String> transactions) {
        java.util.Set<String> paths = new java.util.HashSet<>();
        transactions.forEach(tx -> paths.add("/v2/transactions/" + tx));
        return (int) payop.wireMock().getAllServeEvents().stream()
                .filter(e -> paths.contains(e.getRequest().getUrl())).count();
    }

    /**
     * Ends a scenario: stops its nodes (those that were started), then asserts that none of their
     * logs holds a secret, and in any case stops PostgreSQL and the emulator.
     */
    static void stopAll(String scenario, PayopEmulator payop, Postgres postgres, WildFlyNode... nodes) {
        try {
            WildFlyNode[] started = Arrays.stream(nodes).filter(Objects::nonNull).toArray(WildFlyNode[]::new);
            for (WildFlyNode node : started) {
                node.close();
            }
            if (started.length > 0) {
                assertEquals(0, scanLogs(scenario, payop, started).totalHits(), "secrets in the logs");
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            if (payop != null) {
                payop.close();
            }
        }
    }

    /** Greps every log of the nodes for the secrets and prints the figures. */
    static LogScan.Result scanLogs(String scenario, PayopEmulator payop, WildFlyNode... nodes) {
        List<Path> logs = new ArrayList<>();
        for (WildFlyNode node : nodes) {
            if (node != null) {
                logs.addAll(node.logs());
            }
        }
        LogScan.Result scan = LogScan.scan(logs, secrets(payop));
        Figures.of(scenario + ": secrets in logs").put("logs", scan.describe()).report();
        return scan;
    }
}
