package io.github.payop4j.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A customer and a shop's staff in a real headless Chromium, against the demo started as the
 * README's command starts it (Payara Micro by default; {@code -Ddemo.server=wildfly},
 * {@code -Ddemo.db=postgres} as for the demo). Screenshots of the main pages go to
 * {@code target/screenshots}. One browser session for all tests: they are one customer's visit,
 * in order. Needs Debian's chromium and chromium-driver (.ci/run installs them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoShopIT {

    private static final Duration IPN = Duration.ofSeconds(40);
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private static RunningDemo demo;
    private static Browser browser;
    private static String firstPaidOrder;

    @BeforeAll
    static void startDemoAndBrowser() throws Exception {
        demo = RunningDemo.start(TARGET);
        browser = new Browser(TARGET);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (demo != null) {
                demo.close();
            }
        }
    }

    private static String shop(String path) {
        return demo.shop.resolve(path).toString();
    }

    /** Puts two coffees in the cart and places the order; returns its id. */
    private static String placeOrder(boolean screenshots) throws Exception {
        browser.driver.get(shop(""));
        browser.click(By.id("add-ETH-250"));
        browser.waitFor(By.id("notice"));
        browser.click(By.id("add-COL-250"));
        browser.waitFor(By.id("notice"));
        if (screenshots) {
            browser.screenshot("01-catalogue");
        }
        browser.click(By.id("nav-cart"));
        assertEquals("24.40 EUR", norm(browser.waitFor(By.id("cart-total")).getText()));
        browser.type(By.id("email"), "jane@example.com");
        browser.type(By.id("name"), "Jane <Doe> & Co");
        if (screenshots) {
            browser.screenshot("02-cart");
        }
        browser.click(By.id("place-order"));
        browser.waitForText(By.id("status"), "Awaiting payment", Duration.ofSeconds(20));
        String heading = browser.waitFor(By.tagName("h1")).getText();
        assertTrue(heading.startsWith("Order SO-"), heading);
        assertTrue(browser.driver.findElement(By.cssSelector("#order .muted")).getText().contains("Jane <Doe> & Co"),
                "the customer's name is shown as text, escaped");
        return heading.substring("Order ".length());
    }

    @Test
    @Order(1)
    void hostedPagePaymentMarksTheOrderPaid() throws Exception {
        String order = placeOrder(true);
        browser.screenshot("03-order");
        browser.click(By.id("pay-hosted"));

        // Payop's hosted page (the emulator's): choose the card method, pay with the prefilled test card.
        browser.click(By.id("method-381"));
        assertEquals("24.40 EUR", browser.waitFor(By.id("amount")).getText());
        assertEquals("jane@example.com", browser.waitFor(By.id("email")).getAttribute("value"));
        browser.screenshot("04-payop-hosted-page");
        browser.click(By.id("pay"));

        // Back in the shop; the page turns to paid when the IPN has been applied, without a reload.
        browser.waitForText(By.id("status"), "Paid", IPN);
        assertTrue(browser.driver.getCurrentUrl().endsWith("/orders/" + order), browser.driver.getCurrentUrl());
        assertTrue(browser.waitFor(By.id("pay")).getAttribute("hidden") != null, "no payment buttons on a paid order");
        assertTrue(text("paid-by").matches("[0-9a-f-]{36}"), "the paying transaction is shown: " + text("paid-by"));
        waitForHistory(1);
        assertTrue(text("history").contains("Payment accepted"), text("history"));
        browser.screenshot("05-order-paid");
        firstPaidOrder = order;
    }

    @Test
    @Order(2)
    void cardWithThreeDSecureChallengeIsPaid() throws Exception {
        placeOrder(false);
        browser.click(By.cssSelector("#option-card summary"));
        browser.type(By.id("card-pan"), "4000 0000 0000 3220");
        YearMonth expiry = YearMonth.now().plusYears(2);
        browser.type(By.id("card-expiry"), String.format("%02d/%02d", expiry.getMonthValue(), expiry.getYear() % 100));
        browser.type(By.id("card-cvv"), "123");
        browser.type(By.id("card-holder"), "JANE DOE");
        browser.click(By.id("pay-card"));

        // The adapter's continue page posts the 3-D Secure form to the issuer's (emulated) page.
        browser.waitFor(By.id("challenge-form"));
        assertTrue(browser.driver.getPageSource().contains("Card ending 3220"));
        browser.screenshot("06-3ds-challenge");
        browser.click(By.id("pass"));

        browser.waitForText(By.id("status"), "Paid", IPN);
    }

    @Test
    @Order(3)
    void aFailedPaymentThenASuccessfulRetryPaysOnce() throws Exception {
        String order = placeOrder(false);
        browser.click(By.id("pay-hosted"));
        browser.click(By.id("method-381"));
        browser.click(By.id("fail"));

        browser.waitForText(By.id("status"), "Payment failed", IPN);
        assertTrue(text("notice").contains("not completed"), text("notice"));
        assertFalse(browser.waitFor(By.id("pay")).getAttribute("hidden") != null, "a failed order can be paid again");

        browser.click(By.id("pay-hosted"));
        browser.click(By.id("method-381"));
        browser.click(By.id("pay"));
        browser.waitForText(By.id("status"), "Paid", IPN);
        waitForHistory(2);
        List<String> history = browser.driver.findElements(By.cssSelector("#history li")).stream()
                .map(WebElement::getText).toList();
        assertEquals(1, history.stream().filter(h -> h.contains("Payment accepted")).count(), history.toString());
        assertEquals(1, history.stream().filter(h -> h.contains("Payment failed")).count(), history.toString());

        browser.driver.get(shop("admin"));
        assertEquals("Paid", browser.waitFor(By.cssSelector("#row-" + order + " .badge")).getText());
    }

    @Test
    @Order(4)
    void directMethodWithItsPayerFieldIsPaid() throws Exception {
        placeOrder(false);
        browser.click(By.cssSelector("#option-direct summary"));
        new Select(browser.waitFor(By.id("direct-method"))).selectByValue("203822");
        browser.type(By.id("field-date_of_birth"), "01.02.1990");
        browser.click(By.id("pay-direct"));

        browser.waitFor(By.id("bank-form"));
        browser.click(By.id("pay"));
        browser.waitForText(By.id("status"), "Paid", IPN);
    }

    @Test
    @Order(5)
    void hostedPageWithAMethodChosenInTheShopIsPaid() throws Exception {
        placeOrder(false);
        browser.click(By.cssSelector("#option-method summary"));
        new Select(browser.waitFor(By.id("hosted-method"))).selectByValue("381");
        browser.click(By.id("pay-hosted-method"));
        // The method was chosen in the shop: Payop's page goes straight to the card form.
        browser.waitFor(By.id("pan"));
        browser.click(By.id("pay"));
        browser.waitForText(By.id("status"), "Paid", IPN);
    }

    @Test
    @Order(6)
    void partialRefundFromTheBackOfficeReachesTheOrder() throws Exception {
        browser.driver.get(shop("admin"));
        WebElement amount = browser.waitFor(By.cssSelector("#row-" + firstPaidOrder + " input[name=amount]"));
        amount.clear();
        amount.sendKeys("5.00");
        browser.click(By.cssSelector("#row-" + firstPaidOrder + " button.refund"));
        assertTrue(text("notice").contains("for order " + firstPaidOrder + " sent to Payop"), text("notice"));

        browser.driver.get(shop("orders/" + firstPaidOrder));
        browser.waitForText(By.id("status"), "Partially refunded", IPN);
        browser.waitForText(By.cssSelector("#refunds li"), "5.00 EUR refunded", IPN);
        browser.screenshot("07-order-refunded");

        browser.driver.get(shop("admin"));
        assertEquals("5.00 EUR", norm(browser.waitFor(By.cssSelector("#row-" + firstPaidOrder + " td:nth-child(5)"))
                .getText()));
        assertTrue(text("balances").contains("EUR available"), text("balances"));
    }

    @Test
    @Order(7)
    void payoutFromTheWalletIsSettledByItsIpn() throws Exception {
        browser.driver.get(shop("admin"));
        browser.click(By.id("payout"));
        assertTrue(text("notice").contains("sent to Payop"), text("notice"));
        long deadline = System.nanoTime() + IPN.toNanos();
        while (!text("payouts").contains("ACCEPTED") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            browser.driver.navigate().refresh();
        }
        assertTrue(text("payouts").contains("ACCEPTED"), text("payouts"));
        browser.screenshot("08-back-office");
    }

    @Test
    @Order(8)
    void theJournalPageListsEveryIpnWithItsOutcome() throws Exception {
        // A forged IPN from an allowed address: Payop's API does not know the transaction, so the
        // shop sees an anomaly, never a payment.
        String forged = "{\"invoice\": {\"id\": \"forged-invoice\", \"status\": 1, \"txid\": \"forged-tx-1\"},"
                + " \"transaction\": {\"id\": \"forged-tx-1\", \"state\": 2, \"order\": {\"id\": \""
                + firstPaidOrder + "\"}}}";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(demo.shop.resolve(
                "payop/ipn")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                forged)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());

        browser.driver.get(shop("admin/ipn"));
        List<String> rows = browser.driver.findElements(By.cssSelector("#ipn tbody tr")).stream()
                .map(WebElement::getText).toList();
        // payop4j's journal: five paid orders, one failed attempt, one refund, one payout, each
        // journaled once as processed, and the forgery as the one anomaly.
        assertEquals(5, rows.stream().filter(r -> r.contains("CHECKOUT") && r.contains("ACCEPTED")
                && r.contains("PROCESSED")).count(), String.join("\n", rows));
        assertEquals(1, rows.stream().filter(r -> r.contains("CHECKOUT") && r.contains("FAILED")).count(),
                String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.contains("REFUND") && r.contains("ACCEPTED")
                && r.contains("PROCESSED")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.contains("WITHDRAWAL") && r.contains("PROCESSED")),
                String.join("\n", rows));
        List<String> anomalies = rows.stream().filter(r -> r.contains("ANOMALY")).toList();
        assertEquals(1, anomalies.size(), String.join("\n", rows));
        assertTrue(anomalies.get(0).contains("forged-tx") && anomalies.get(0).contains("UNCONFIRMED"), anomalies.get(0));
        assertEquals(1, browser.driver.findElements(By.cssSelector("#ipn tr.anomaly")).size());
        browser.screenshot("09-ipn-journal");

        // The sweep a node runs every payop.reconcile.interval, by hand: every invoice of the run
        // already has its final state from its IPN, so it applies nothing.
        browser.driver.findElement(By.id("reconcile")).click();
        String report = text("notice");
        assertTrue(report.startsWith("Reconciliation: ") && report.contains(" 0 state(s) applied")
                && !report.contains("failed"), report);

        // The order stays as Payop's confirmed IPNs left it, flagged for a person to look at.
        browser.driver.get(shop("admin"));
        assertEquals("Partially refunded", browser.waitFor(By.cssSelector("#row-" + firstPaidOrder + " .badge"))
                .getText());
        assertTrue(text("row-" + firstPaidOrder).contains("review: UNCONFIRMED"), text("row-" + firstPaidOrder));
    }

    @Test
    @Order(9)
    void aPaymentWhoseIpnIsLostIsPaidByTheReconciliationSweep() throws Exception {
        String order = placeOrder(false);
        browser.click(By.cssSelector("#option-card summary"));
        browser.type(By.id("card-pan"), "4000 0000 0000 0077"); // the emulator pays, and loses the IPN
        YearMonth expiry = YearMonth.now().plusYears(2);
        browser.type(By.id("card-expiry"), String.format("%02d/%02d", expiry.getMonthValue(), expiry.getYear() % 100));
        browser.type(By.id("card-cvv"), "123");
        browser.type(By.id("card-holder"), "JANE DOE");
        browser.click(By.id("pay-card"));
        browser.waitFor(By.id("status"));
        Thread.sleep(1000);
        browser.driver.get(shop("orders/" + order));
        assertNotEquals("Paid", text("status"), "no IPN came, so the shop does not know yet");

        // The launcher runs this test's demo with payop.reconcile.delay=5s: after that the sweep asks
        // Payop about the invoice and applies the payment through the IPN's own claim.
        long deadline = System.nanoTime() + IPN.toNanos();
        boolean paid = false;
        while (!paid && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            browser.driver.get(shop("admin/ipn"));
            browser.click(By.id("reconcile"));
            assertFalse(text("notice").contains("failed"), text("notice"));
            browser.driver.get(shop("orders/" + order));
            paid = "Paid".equals(text("status"));
        }
        assertTrue(paid, "the sweep paid order " + order);
        waitForHistory(1);
        assertTrue(text("history").contains("Payment accepted"), text("history"));

        browser.driver.get(shop("admin/ipn"));
        List<String> swept = browser.driver.findElements(By.cssSelector("#ipn tbody tr")).stream()
                .map(WebElement::getText).filter(r -> r.contains(order)).toList();
        assertEquals(1, swept.size(), String.join("\n", swept));
        assertTrue(swept.get(0).contains("reconciliation") && swept.get(0).contains("ACCEPTED")
                && swept.get(0).contains("PROCESSED"), swept.get(0));
    }

    @Test
    @Order(10)
    void everyPortTheDemoOpenedIsOnLoopback() throws Exception {
        List<ProcessHandle> processes = new java.util.ArrayList<>(demo.children());
        processes.add(demo.process.toHandle());
        List<String> sockets = LoopbackSockets.listening(processes);
        assertTrue(sockets.size() >= 2, "the shop and the emulator listen: " + sockets);
        assertEquals(List.of(), sockets.stream().filter(s -> !LoopbackSockets.loopback(s)).toList(),
                "listening sockets not on 127.0.0.1 (hex as in /proc/net/tcp)");
    }

    @Test
    @Order(11)
    void stoppingTheDemoLeavesNothingRunningAndItsConsoleIsClean() throws Exception {
        List<ProcessHandle> children = demo.children();
        assertFalse(children.isEmpty(), "the demo runs its server in a process of its own");
        demo.stop();
        for (ProcessHandle p : children) {
            p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(p.isAlive(), "still running: " + p.info().commandLine().orElse(String.valueOf(p.pid())));
        }
        assertFalse(RunningDemo.listening(demo.shop), "the shop's port is free again");
        if (demo.payop != null) {
            assertFalse(RunningDemo.listening(demo.payop), "the emulator's port is free again");
        }
        String console = demo.consoleText();
        assertFalse(console.contains("\u001b"), "no ANSI escape codes in the console:\n" + console);
        assertFalse(console.contains("localhost"), "the demo says 127.0.0.1, as the README does:\n" + console);
        assertFalse(console.contains("jakarta.activation.DataSource"), console);
        assertFalse(console.contains("WARN") || console.contains("SLF4J"), console);
        assertTrue(console.contains("Stopped "), console);
    }

    /** Prices are shown with a no-break space before the currency. */
    private static String norm(String s) {
        return s.replace('\u00a0', ' ');
    }

    private static String text(String id) {
        return browser.waitFor(By.id(id)).getText();
    }

    private static void waitForHistory(int entries) throws InterruptedException {
        long deadline = System.nanoTime() + IPN.toNanos();
        while (browser.driver.findElements(By.cssSelector("#history li")).size() < entries
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
