package io.github.payop4j.jaxrs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.invoice.CheckoutLanguage;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayopConfigTest {

    static final String SECRET = "s3cr3t-KEY-never-shown-9f8e7d";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6InRlc3QifQ.c2lnbmF0dXJlLXNlY3JldA";

    private final Map<String, String> props = new HashMap<>(Map.of(
            PayopConfig.PUBLIC_KEY, "application-5f1ee8d7",
            PayopConfig.SECRET_KEY, SECRET));

    private ConfigResult read() {
        return PayopConfig.read(name -> Optional.ofNullable(props.get(name)));
    }

    private PayopSettings valid() {
        ConfigResult r = read();
        assertInstanceOf(ConfigResult.Valid.class, r, () -> ((ConfigResult.Invalid) r).message());
        return r.orElseThrow();
    }

    private ConfigResult.Invalid invalid() {
        return assertInstanceOf(ConfigResult.Invalid.class, read());
    }

    private List<String> problemProperties() {
        return invalid().problems().stream().map(ConfigProblem::property).toList();
    }

    @Test
    void theWithdrawalCertificateIsTheBase64OfThe32ByteKeyAndReachesTheClient() {
        byte[] key = new byte[32];
        key[0] = 9;
        props.put(PayopConfig.WITHDRAWAL_CERTIFICATE, java.util.Base64.getEncoder().encodeToString(key));
        PayopSettings s = valid();
        assertEquals(io.github.payop4j.withdrawal.WithdrawalCertificate.fromBytes(key), s.withdrawalCertificate().orElseThrow());
        assertTrue(s.toString().contains("withdrawalCertificate=set"), s.toString());

        props.put(PayopConfig.WITHDRAWAL_CERTIFICATE, "bm90IGEga2V5");
        assertEquals(List.of(PayopConfig.WITHDRAWAL_CERTIFICATE), problemProperties());
        assertTrue(invalid().message().contains("base64 -w0 x25519.pub"), invalid().message());
    }

    @Test
    void onlyTheTwoKeysAreRequiredAndEverythingElseHasItsDocumentedDefault() {
        PayopSettings s = valid();
        assertEquals("application-5f1ee8d7", s.publicKey());
        assertEquals(SECRET, s.secretKey());
        assertEquals(Optional.empty(), s.jwtToken());
        assertEquals(Optional.empty(), s.projectId());
        assertEquals(URI.create("https://api.payop.com"), s.apiUrl());
        assertEquals(URI.create("https://checkout.payop.com"), s.checkoutUrl());
        assertEquals(CheckoutLanguage.EN, s.language());
        assertEquals(Optional.empty(), s.resultUrl());
        assertEquals(Optional.empty(), s.failUrl());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertEquals(Duration.ofSeconds(30), s.readTimeout());
        assertEquals(3, s.maxAttempts());
        assertEquals(381, s.cardMethod());
        assertEquals(Optional.empty(), s.withdrawalCertificate());
        assertFalse(s.canListPaymentMethods());
        IpnSettings ipn = s.ipn();
        assertEquals("/payop/ipn", ipn.path());
        assertEquals(4, ipn.allowedIps().size());
        assertTrue(ipn.isAllowedSource("18.199.249.46"));
        assertTrue(ipn.isAllowedSource("3.127.103.117"));
        assertFalse(ipn.isAllowedSource("203.0.113.7"));
        assertEquals(List.of(), ipn.trustedProxies());
        assertFalse(ipn.verifyWithApi(), "no JWT token, so the API cannot confirm IPNs");
        assertEquals(Optional.of("java:comp/DefaultDataSource"), ipn.dataSource());
    }

    @Test
    void everyPropertyIsRead() {
        props.putAll(Map.ofEntries(
                Map.entry(PayopConfig.JWT_TOKEN, "Bearer " + JWT),
                Map.entry(PayopConfig.PROJECT_ID, "3f6a2b1c"),
                Map.entry(PayopConfig.API_URL, "http://127.0.0.1:8089"),
                Map.entry(PayopConfig.CHECKOUT_URL, "https://checkout.example"),
                Map.entry(PayopConfig.LANGUAGE, "DE"),
                Map.entry(PayopConfig.RESULT_URL, "https://shop.example/paid?invoice={{invoiceId}}&tx={{txid}}"),
                Map.entry(PayopConfig.FAIL_URL, "http://localhost:8080/failed"),
                Map.entry(PayopConfig.CONNECT_TIMEOUT, "500ms"),
                Map.entry(PayopConfig.READ_TIMEOUT, "PT45S"),
                Map.entry(PayopConfig.MAX_ATTEMPTS, "5"),
                Map.entry(PayopConfig.CARD_METHOD, "480"),
                Map.entry(PayopConfig.IPN_PATH, "/hooks/payop-ipn"),
                Map.entry(PayopConfig.IPN_ALLOWED_IPS, "10.0.0.0/8, 2001:db8::/32"),
                Map.entry(PayopConfig.IPN_TRUSTED_PROXIES, "192.168.1.10"),
                Map.entry(PayopConfig.IPN_VERIFY_WITH_API, "FALSE"),
                Map.entry(PayopConfig.IPN_DATASOURCE, "java:jboss/datasources/ShopDS")));
        PayopSettings s = valid();
        assertEquals(Optional.of(JWT), s.jwtToken(), "a pasted 'Bearer ' prefix is dropped");
        assertEquals(Optional.of("3f6a2b1c"), s.projectId());
        assertTrue(s.canListPaymentMethods());
        assertEquals(URI.create("http://127.0.0.1:8089"), s.apiUrl());
        assertEquals(URI.create("https://checkout.example"), s.checkoutUrl());
        assertEquals(CheckoutLanguage.DE, s.language());
        assertEquals(Optional.of("https://shop.example/paid?invoice={{invoiceId}}&tx={{txid}}"), s.resultUrl());
        assertEquals(Optional.of("http://localhost:8080/failed"), s.failUrl());
        assertEquals(Duration.ofMillis(500), s.connectTimeout());
        assertEquals(Duration.ofSeconds(45), s.readTimeout());
        assertEquals(5, s.maxAttempts());
        assertEquals(480, s.cardMethod());
        assertEquals("/hooks/payop-ipn", s.ipn().path());
        assertTrue(s.ipn().isAllowedSource("10.20.30.40"));
        assertTrue(s.ipn().isAllowedSource("2001:db8:1::5"));
        assertFalse(s.ipn().isAllowedSource("18.199.249.46"), "an explicit list replaces Payop's addresses");
        assertTrue(s.ipn().isTrustedProxy("192.168.1.10"));
        assertFalse(s.ipn().isTrustedProxy("192.168.1.11"));
        assertFalse(s.ipn().verifyWithApi());
        assertEquals(Optional.of("java:jboss/datasources/ShopDS"), s.ipn().dataSource());
        s.newClient().close();
    }

    @Test
    void blankValuesCountAsUnsetAndValuesAreTrimmed() {
        props.put(PayopConfig.LANGUAGE, "   ");
        props.put(PayopConfig.PROJECT_ID, "  p-1  ");
        PayopSettings s = valid();
        assertEquals(CheckoutLanguage.EN, s.language());
        assertEquals(Optional.of("p-1"), s.projectId());
    }

    @Test
    void missingKeysAreReportedTogetherWithHowToFixThem() {
        props.clear();
        ConfigResult.Invalid r = invalid();
        assertEquals(List.of(PayopConfig.PUBLIC_KEY, PayopConfig.SECRET_KEY), problemProperties());
        String message = r.message();
        assertTrue(message.contains("payop.public-key: missing"), message);
        assertTrue(message.contains("payop.secret-key: missing"), message);
        assertTrue(message.contains("PAYOP_SECRET_KEY"), message);
        assertTrue(message.contains("Projects > Projects List > Details"), message);
        PayopConfigurationException e = assertThrows(PayopConfigurationException.class, r::orElseThrow);
        assertEquals(message, e.getMessage());
        assertEquals(2, e.problems().size());
    }

    @Test
    void everyProblemIsListedInOneMessageAndNoSecretValueAppears() {
        props.putAll(Map.ofEntries(
                Map.entry(PayopConfig.API_URL, "http://api.payop.com"),
                Map.entry(PayopConfig.CHECKOUT_URL, "not a url"),
                Map.entry(PayopConfig.LANGUAGE, "xx"),
                Map.entry(PayopConfig.RESULT_URL, "https://shop.example/{{orderId}}"),
                Map.entry(PayopConfig.FAIL_URL, "/relative/fail"),
                Map.entry(PayopConfig.CONNECT_TIMEOUT, "ten seconds"),
                Map.entry(PayopConfig.READ_TIMEOUT, "0s"),
                Map.entry(PayopConfig.MAX_ATTEMPTS, "11"),
                Map.entry(PayopConfig.CARD_METHOD, "-1"),
                Map.entry(PayopConfig.IPN_PATH, "payop/ipn"),
                Map.entry(PayopConfig.IPN_ALLOWED_IPS, "18.199.249.46, payop.com, 10.0.0.0/33"),
                Map.entry(PayopConfig.IPN_TRUSTED_PROXIES, "0.0.0.0/0"),
                Map.entry(PayopConfig.IPN_VERIFY_WITH_API, "true"),
                Map.entry(PayopConfig.IPN_DATASOURCE, "java:jboss/my ds")));
        // A secret pasted into the wrong property must not be shown either.
        props.put(PayopConfig.PROJECT_ID, "id-" + SECRET);
        props.put(PayopConfig.SECRET_KEY, SECRET);
        ConfigResult.Invalid r = invalid();
        assertEquals(List.of(PayopConfig.API_URL, PayopConfig.CHECKOUT_URL, PayopConfig.LANGUAGE,
                PayopConfig.RESULT_URL, PayopConfig.FAIL_URL, PayopConfig.CONNECT_TIMEOUT, PayopConfig.READ_TIMEOUT,
                PayopConfig.MAX_ATTEMPTS, PayopConfig.CARD_METHOD, PayopConfig.IPN_PATH, PayopConfig.IPN_ALLOWED_IPS,
                PayopConfig.IPN_TRUSTED_PROXIES, PayopConfig.IPN_VERIFY_WITH_API, PayopConfig.IPN_DATASOURCE),
                problemProperties());
        String m = r.message();
        assertTrue(m.startsWith("payop4j cannot start: 14 Payop configuration properties need fixing."), m);
        assertTrue(m.contains("uses plain http to another machine"), m);
        assertTrue(m.contains("\"xx\" is not a language"), m);
        assertTrue(m.contains("en, ru, es, it, pt, de, fr, sv, fi, tr, pl, nl"), m);
        assertTrue(m.contains("{{invoiceId}} and {{txid}}"), m);
        assertTrue(m.contains("\"ten seconds\" is not a duration"), m);
        assertTrue(m.contains("\"0s\" is not a positive duration"), m);
        assertTrue(m.contains("from 1 to 10"), m);
        assertTrue(m.contains("\"payop.com\", \"10.0.0.0/33\" are not an IP address"), m);
        assertTrue(m.contains("forge X-Forwarded-For"), m);
        assertTrue(m.contains("needs a JWT token: set payop.jwt-token"), m);
        assertFalse(m.contains(SECRET), m);
    }

    @Test
    void aSecretInAWrongPlaceIsNotShown() {
        props.put(PayopConfig.JWT_TOKEN, JWT);
        props.put(PayopConfig.LANGUAGE, JWT);
        props.put(PayopConfig.CONNECT_TIMEOUT, SECRET);
        String m = invalid().message();
        assertTrue(m.contains("payop.language: (value not shown: it contains a secret)"), m);
        assertTrue(m.contains("payop.http.connect-timeout: (value not shown: it contains a secret)"), m);
        assertFalse(m.contains(SECRET), m);
        assertFalse(m.contains(JWT), m);
    }

    @Test
    void keysWithSpacesAreRejectedWithoutEchoingThem() {
        props.put(PayopConfig.SECRET_KEY, "two words " + SECRET);
        props.put(PayopConfig.JWT_TOKEN, "Bearer a b");
        String m = invalid().message();
        assertTrue(m.contains("payop.secret-key: contains spaces"), m);
        assertTrue(m.contains("payop.jwt-token: contains spaces"), m);
        assertFalse(m.contains(SECRET), m);
    }

    @Test
    void urlsWithUserInfoAreRejectedWithoutRepeatingThePassword() {
        props.put(PayopConfig.API_URL, "https://user:hunter2@api.payop.com");
        String m = invalid().message();
        assertTrue(m.contains("payop.api-url: contains user info"), m);
        assertFalse(m.contains("hunter2"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.payop.com/?x=1", "ftp://api.payop.com", "https://api.payop.com/#top"})
    void baseUrlsMustBePlainHttpsBases(String url) {
        props.put(PayopConfig.API_URL, url);
        assertEquals(List.of(PayopConfig.API_URL), problemProperties());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:9", "http://[::1]:8080"})
    void plainHttpIsAcceptedForLoopbackOnly(String url) {
        props.put(PayopConfig.API_URL, url);
        assertEquals(URI.create(url), valid().apiUrl());
    }

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "10s,PT10S", "2m,PT2M", "PT10S,PT10S", "pt1m30s,PT1M30S", "10 s,PT10S"})
    void durationsInEveryDocumentedForm(String text, String expected) {
        props.put(PayopConfig.READ_TIMEOUT, text);
        assertEquals(Duration.parse(expected), valid().readTimeout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "-5s", "1d", "PT-1S", "11m", "PT1H", "1.5s"})
    void badDurationsAreProblems(String text) {
        props.put(PayopConfig.CONNECT_TIMEOUT, text);
        assertEquals(List.of(PayopConfig.CONNECT_TIMEOUT), problemProperties());
    }

    @Test
    void verifyWithApiDefaultsToOnWhenThereIsAToken() {
        props.put(PayopConfig.JWT_TOKEN, JWT);
        assertTrue(valid().ipn().verifyWithApi());
        props.put(PayopConfig.IPN_VERIFY_WITH_API, "false");
        assertFalse(valid().ipn().verifyWithApi());
        props.put(PayopConfig.IPN_VERIFY_WITH_API, "yes");
        assertEquals(List.of(PayopConfig.IPN_VERIFY_WITH_API), problemProperties());
    }

    @Test
    void ipnSpecialValues() {
        props.put(PayopConfig.IPN_ALLOWED_IPS, "ANY");
        props.put(PayopConfig.IPN_DATASOURCE, "none");
        IpnSettings ipn = valid().ipn();
        assertTrue(ipn.isAllowedSource("203.0.113.7"));
        assertTrue(ipn.isAllowedSource("2001:db8::1"));
        assertTrue(ipn.inMemoryJournal());
        assertEquals(Optional.empty(), ipn.dataSource());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/payop/ipn/", "/payop//ipn", "/payop/../ipn", "/payop/*", "/payop/ipn?x=1", "/"})
    void ipnPathsThatAreNoPlainServletPathsAreProblems(String path) {
        props.put(PayopConfig.IPN_PATH, path);
        assertEquals(List.of(PayopConfig.IPN_PATH), problemProperties());
    }

    @Test
    void typosInPropertyNamesAreFoundWithAHint() {
        List<String> warnings = PayopConfig.unknownProperties(List.of("payop.languge", "payop.secret-key",
                "payop.completely-other", "other.property", "PAYOP_SECRET_KEY"));
        assertEquals(List.of("payop.languge is not a payop4j property and is ignored (did you mean payop.language?)",
                "payop.completely-other is not a payop4j property and is ignored"), warnings);
    }

    @Test
    void settingsNeverPrintSecrets() {
        props.put(PayopConfig.JWT_TOKEN, JWT);
        String text = valid().toString();
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains(JWT), text);
        assertTrue(text.contains("secretKey=***"), text);
    }
}
