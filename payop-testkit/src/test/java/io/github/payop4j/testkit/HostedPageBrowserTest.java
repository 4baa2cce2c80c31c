package io.github.payop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.invoice.InvoiceRequest;
import io.github.payop4j.invoice.OrderItem;
import io.github.payop4j.invoice.Payer;
import io.github.payop4j.ipn.IpnDelivery;
import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnOrderLookup;
import io.github.payop4j.ipn.IpnProcessor;
import io.github.payop4j.ipn.IpnSourcePolicy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A payer in a real headless Chromium on the emulator's hosted page: an invoice created through
 * PayopClient, the missing payer field typed in, the 3-D Secure challenge passed, the browser on
 * the shop's resultUrl, and the emulator's IPN applied once by payop-core's IpnProcessor behind
 * the shop's endpoint. Needs Debian's chromium and chromium-driver (.ci/run installs them).
 */
class HostedPageBrowserTest {

    private static final String SOURCE = "127.0.0.7";

    private static PayopEmulator payop;
    private static final List<IpnEvent> events = new CopyOnWriteArrayList<>();
    private static ShopEndpoint shop;
    private WebDriver browser;
    private ChromeDriverService driverService;

    @BeforeAll
    static void startPayopAndShop() {
        payop = PayopEmulator.builder().ipnSourceAddress(SOURCE)
                .ipnRetrySchedule(PayopEmulatorExtension.TEST_RETRY_SCHEDULE).start();
        IpnProcessor processor = IpnProcessor.builder(payop.client())
                .sources(IpnSourcePolicy.builder().allow(SOURCE).build())
                .orderLookup(orderId -> Optional.of(new IpnOrderLookup.Order("24.90", "EUR")))
                .handler(events::add)
                .build();
        shop = ShopEndpoint.start((n, r) -> processor.process(IpnDelivery.of(
                r.body().getBytes(StandardCharsets.UTF_8), r.peer())).httpStatus());
        payop.sendIpnsTo(shop.url());
    }

    @AfterAll
    static void stopPayopAndShop() {
        payop.close();
        shop.close();
    }

    @BeforeEach
    void startBrowser() throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Path profile = Files.createDirectories(target.resolve("chromium").resolve(UUID.randomUUID().toString()));
        driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .withLogFile(target.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=900,1300", "--user-data-dir=" + profile);
        browser = new ChromeDriver(driverService, options);
        events.clear();
    }

    @AfterEach
    void stopBrowser() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (driverService != null) {
                driverService.stop();
            }
        }
    }

    private static String invoice(String orderId, Integer method) {
        InvoiceRequest.Builder request = InvoiceRequest.builder().orderId(orderId).amount("24.90").currency("EUR")
                .description("Two bags of coffee")
                .item(new OrderItem("sku-1", "Coffee <Arabica> & more", "12.45"))
                .item(new OrderItem("sku-2", "Coffee Robusta", "12.45"))
                .payer(Payer.withEmail("jane@example.com"))
                .resultUrl(shop.page("paid") + "?invoice={{invoiceId}}&tx={{txid}}")
                .failPath(shop.page("failed") + "?invoice={{invoiceId}}");
        if (method != null) {
            request.paymentMethod(method);
        }
        return payop.client().invoices().create(request.build()).invoiceId();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", name + ".png"), png);
    }

    private void waitForEvents(int count) throws InterruptedException {
        payop.awaitIpnsSettled(Duration.ofSeconds(20));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void payerFillsTheFormPassesThreeDSecureAndLandsOnResultUrl() throws Exception {
        String invoiceId = invoice("web-1", 381);
        browser.get(payop.client().invoices().hostedPageUrl(invoiceId,
                io.github.payop4j.invoice.CheckoutLanguage.EN).toString());
        assertEquals("24.90 EUR", waitFor(By.id("amount")).getText());
        assertTrue(browser.findElement(By.id("items")).getText().contains("Coffee <Arabica> & more"),
                "item names are shown, escaped");
        assertEquals("jane@example.com", browser.findElement(By.id("email")).getAttribute("value"));
        browser.findElement(By.id("name")).sendKeys("Jane Doe");
        WebElement pan = browser.findElement(By.id("pan"));
        pan.clear();
        pan.sendKeys(TestCards.THREE_D_SECURE);
        screenshot("hosted-page");
        browser.findElement(By.id("pay")).click();

        waitFor(By.id("challenge-form"));
        assertTrue(browser.getPageSource().contains("Card ending 3220"));
        screenshot("acs-page");
        browser.findElement(By.id("pass")).click();

        waitFor(By.id("shop"));
        waitForEvents(1);
        assertEquals(1, events.size(), events.toString());
        IpnEvent.PaymentAccepted paid = assertInstanceOf(IpnEvent.PaymentAccepted.class, events.get(0));
        assertEquals("web-1", paid.orderId());
        assertEquals(shop.page("paid") + "?invoice=" + invoiceId + "&tx=" + paid.objectId(), browser.getCurrentUrl());
        assertTrue(payop.sentIpns().stream().allMatch(s -> s.source().equals(SOURCE) && s.acknowledged()));
        // The payer coming back changes nothing: the page sends them on, no second payment.
        browser.get(payop.client().invoices().hostedPageUrl(invoiceId,
                io.github.payop4j.invoice.CheckoutLanguage.EN).toString());
        waitFor(By.id("shop"));
        assertEquals(1, events.size());
    }

    @Test
    void payerChoosesAMethodDeclinesAndLandsOnFailPath() throws Exception {
        String invoiceId = invoice("web-2", null);
        browser.get(payop.client().invoices().hostedPageUrl(invoiceId,
                io.github.payop4j.invoice.CheckoutLanguage.EN).toString());
        waitFor(By.id("method-381")).click();
        waitFor(By.id("name")).sendKeys("Jane Doe");
        browser.findElement(By.id("fail")).click();

        waitFor(By.id("shop"));
        assertEquals(shop.page("failed") + "?invoice=" + invoiceId, browser.getCurrentUrl());
        waitForEvents(1);
        assertEquals(1, events.size(), events.toString());
        assertInstanceOf(IpnEvent.PaymentFailed.class, events.get(0));
    }

    @Test
    void aMissingFieldIsAskedForAgain() throws Exception {
        String invoiceId = invoice("web-3", 336);
        browser.get(payop.client().invoices().hostedPageUrl(invoiceId,
                io.github.payop4j.invoice.CheckoutLanguage.EN).toString());
        waitFor(By.id("name")).sendKeys("Jane Doe");
        browser.findElement(By.id("pay")).click();
        assertEquals("This value should not be blank.", waitFor(By.cssSelector("#nationalid + .error")).getText());
        browser.findElement(By.id("nationalid")).sendKeys("20-12345678-9");
        browser.findElement(By.id("pay")).click();
        waitFor(By.id("shop"));
        assertTrue(browser.getCurrentUrl().startsWith(shop.page("paid").toString()));
        waitForEvents(1);
        assertInstanceOf(IpnEvent.PaymentAccepted.class, events.get(0));
    }
}
