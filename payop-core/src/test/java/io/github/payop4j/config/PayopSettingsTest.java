package io.github.payop4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.invoice.CheckoutLanguage;
import io.github.payop4j.withdrawal.WithdrawalCertificate;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@code payop.*} setting read and validated in one place, for both roles. */
class PayopSettingsTest {

    static final String SECRET = "s3cr3t-KEY-never-shown-9f8e7d";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6InRlc3QifQ.c2lnbmF0dXJlLXNlY3JldA";

    private final Map<String, String> props = new HashMap<>(Map.of(
            "payop.public-key", "application-5f1ee8d7",
            "payop.secret-key", SECRET,
            "payop.jwt-token", JWT));

    private PayopSettings read(Role... roles) {
        return PayopSettings.read(SettingsSource.of(props), roles);
    }

    private PayopSettings checkoutAndIpn() {
        return read(Role.CHECKOUT, Role.IPN);
    }

    private PayopConfigurationException invalid(Role... roles) {
        return assertThrows(PayopConfigurationException.class, () -> read(roles));
    }

    private List<String> problemKeys() {
        return invalid(Role.CHECKOUT, Role.IPN).problems().stream().map(ConfigProblem::key).toList();
    }

    @Test
    void everythingButTheKeysAndTheTokenHasItsDocumentedDefault() {
        PayopSettings s = checkoutAndIpn();
        assertEquals(Optional.of("application-5f1ee8d7"), s.publicKey());
        assertEquals(Optional.of(SECRET), s.secretKey());
        assertEquals(Optional.of(JWT), s.jwtToken());
        assertEquals(Optional.empty(), s.projectId());
        assertEquals(URI.create("https://api.payop.com"), s.apiUrl());
        assertEquals(URI.create("https://checkout.payop.com"), s.checkoutUrl());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertEquals(Duration.ofSeconds(30), s.readTimeout());
        assertEquals(3, s.maxAttempts());
        assertEquals(CheckoutLanguage.EN, s.language());
        assertEquals(Optional.empty(), s.resultUrl());
        assertEquals(Optional.empty(), s.failUrl());
        assertEquals(381, s.cardMethod());
        assertEquals(Duration.ofMinutes(5), s.paymentMethodsCache());
        assertEquals(Optional.empty(), s.withdrawalCertificate());
        assertFalse(s.canListPaymentMethods());
        assertTrue(s.ipnEnabled());
        assertEquals("/payop/ipn", s.ipnPath());
        assertEquals(List.of("18.199.249.46", "35.158.36.143", "3.125.109.58", "3.127.103.117"),
                s.ipnSources().allowed());
        assertEquals(List.of(), s.ipnSources().trustedProxies());
        assertTrue(s.verifyIpnWithApi(), "secure by default");
        assertEquals(Optional.of("java:comp/DefaultDataSource"), s.ipnDataSource(), "durable by default");
        assertEquals("payop_ipn_", s.ipnTablePrefix());
        assertEquals(65536, s.ipnMaxBodyBytes());
        assertEquals(Duration.ofMinutes(2), s.ipnLease());
    }

    @Test
    void everySettingIsRead() {
        byte[] key = new byte[32];
        key[0] = 9;
        props.putAll(Map.ofEntries(
                Map.entry("payop.jwt-token", "Bearer " + JWT),
                Map.entry("payop.project-id", "3f6a2b1c"),
                Map.entry("payop.api-url", "http://127.0.0.1:8089"),
                Map.entry("payop.checkout-url", "https://checkout.example"),
                Map.entry("payop.http.connect-timeout", "500ms"),
                Map.entry("payop.http.read-timeout", "PT45S"),
                Map.entry("payop.http.max-attempts", "5"),
                Map.entry("payop.language", "DE"),
                Map.entry("payop.result-url", "https://shop.example/paid?invoice={{invoiceId}}&tx={{txid}}"),
                Map.entry("payop.fail-url", "http://localhost:8080/failed"),
                Map.entry("payop.card-method", "480"),
                Map.entry("payop.payment-methods.cache", "0s"),
                Map.entry("payop.pages.template", "/payop/page.html"),
                Map.entry("payop.pages.stylesheet", "https://cdn.shop.example:8443/css/payop.css?v=3"),
                Map.entry("payop.withdrawal-certificate", Base64.getEncoder().encodeToString(key)),
                Map.entry("payop.ipn.enabled", "TRUE"),
                Map.entry("payop.ipn.path", "/hooks/payop-ipn"),
                Map.entry("payop.ipn.allowed-ips", " 10.0.0.0/8,\n 2001:db8::/32  192.0.2.1 "),
                Map.entry("payop.ipn.trusted-proxies", "192.168.1.10"),
                Map.entry("payop.ipn.verify-with-api", "FALSE"),
                Map.entry("payop.ipn.datasource", "java:jboss/datasources/ShopDS"),
                Map.entry("payop.ipn.table-prefix", "shop_ipn_"),
                Map.entry("payop.ipn.max-body-bytes", "1024"),
                Map.entry("payop.ipn.lease", "1h")));
        PayopSettings s = checkoutAndIpn();
        assertEquals(Optional.of(JWT), s.jwtToken(), "a pasted 'Bearer ' prefix is dropped");
        assertEquals(Optional.of("3f6a2b1c"), s.projectId());
        assertTrue(s.canListPaymentMethods());
        assertEquals(URI.create("http://127.0.0.1:8089"), s.apiUrl());
        assertEquals(URI.create("https://checkout.example"), s.checkoutUrl());
        assertEquals(Duration.ofMillis(500), s.connectTimeout());
        assertEquals(Duration.ofSeconds(45), s.readTimeout());
        assertEquals(5, s.maxAttempts());
        assertEquals(CheckoutLanguage.DE, s.language());
        assertEquals(Optional.of("https://shop.example/paid?invoice={{invoiceId}}&tx={{txid}}"), s.resultUrl());
        assertEquals(Optional.of("http://localhost:8080/failed"), s.failUrl());
        assertEquals(480, s.cardMethod());
        assertEquals(Duration.ZERO, s.paymentMethodsCache(), "0s: no cache");
        assertEquals(Optional.of("payop/page.html"), s.pagesTemplate(), "a class path resource is relative");
        assertEquals(Optional.of("https://cdn.shop.example:8443/css/payop.css?v=3"), s.pagesStylesheet());
        assertEquals(Optional.of(WithdrawalCertificate.fromBytes(key)), s.withdrawalCertificate());
        assertEquals("/hooks/payop-ipn", s.ipnPath());
        assertEquals(List.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.1"), s.ipnSources().allowed(),
                "commas, spaces and line breaks separate");
        assertFalse(s.ipnSources().allows("18.199.249.46"), "an explicit list replaces Payop's addresses");
        assertTrue(s.ipnSources().isTrustedProxy("192.168.1.10"));
        assertFalse(s.verifyIpnWithApi());
        assertEquals(Optional.of("java:jboss/datasources/ShopDS"), s.ipnDataSource());
        assertEquals("shop_ipn_", s.ipnTablePrefix());
        assertEquals(1024, s.ipnMaxBodyBytes());
        assertEquals(Duration.ofHours(1), s.ipnLease());
    }

    @Test
    void blankValuesCountAsUnsetAndValuesAreTrimmed() {
        props.put("payop.language", "   ");
        props.put("payop.project-id", "  p-1  ");
        PayopSettings s = checkoutAndIpn();
        assertEquals(CheckoutLanguage.EN, s.language());
        assertEquals(Optional.of("p-1"), s.projectId());
    }

    @Test
    void checkoutRequiresBothKeysAndSaysWhereToFindThem() {
        props.clear();
        props.put("payop.ipn.verify-with-api", "false");
        PayopConfigurationException e = invalid(Role.CHECKOUT, Role.IPN);
        assertEquals(List.of("payop.public-key", "payop.secret-key"), e.problems().stream().map(ConfigProblem::key)
                .toList());
        String message = e.getMessage();
        assertTrue(message.startsWith("payop4j cannot start: 2 Payop settings need fixing."), message);
        assertTrue(message.contains("payop.public-key: missing"), message);
        assertTrue(message.contains("payop.secret-key: missing"), message);
        assertTrue(message.contains("PAYOP_SECRET_KEY"), message);
        assertTrue(message.contains("Projects > Projects List > Details"), message);
    }

    @Test
    void theIpnEndpointAloneNeedsNeitherKey() {
        props.remove("payop.public-key");
        props.remove("payop.secret-key");
        assertEquals(Optional.empty(), read(Role.IPN).publicKey());
    }

    @Test
    void withoutATokenBothRolesRefuseToStartAndNameBothSettings() {
        props.remove("payop.jwt-token");
        for (Role[] roles : List.of(new Role[] {Role.IPN}, new Role[] {Role.CHECKOUT, Role.IPN})) {
            PayopConfigurationException e = invalid(roles);
            assertEquals(List.of("payop.jwt-token"), e.problems().stream().map(ConfigProblem::key).toList());
            assertTrue(e.getMessage().contains("payop.jwt-token: missing"), e.getMessage());
            assertTrue(e.getMessage().contains("payop.ipn.verify-with-api=false"), e.getMessage());
            assertTrue(e.getMessage().contains("forged IPN"), e.getMessage());
        }
        props.put("payop.ipn.verify-with-api", "true");
        PayopConfigurationException e = invalid(Role.IPN);
        assertEquals(List.of("payop.ipn.verify-with-api"), e.problems().stream().map(ConfigProblem::key).toList());
        assertTrue(e.getMessage().contains("set payop.jwt-token"), e.getMessage());
    }

    @Test
    void onlyAnExplicitFalseOrADisabledEndpointLetsAnIpnRoleRunWithoutAToken() {
        props.remove("payop.jwt-token");
        props.put("payop.ipn.verify-with-api", "false");
        assertFalse(read(Role.IPN).verifyIpnWithApi());
        props.remove("payop.ipn.verify-with-api");
        props.put("payop.ipn.enabled", "false");
        assertFalse(read(Role.CHECKOUT, Role.IPN).ipnEnabled());
        props.remove("payop.ipn.enabled");
        assertTrue(read(Role.CHECKOUT).verifyIpnWithApi(), "checkout alone does not receive IPNs");
        assertTrue(read().ipnEnabled(), "no role, no requirement");
    }

    @Test
    void everyProblemIsListedInOneMessageInSettingOrderAndNoSecretValueAppears() {
        props.putAll(Map.ofEntries(
                Map.entry("payop.api-url", "http://api.payop.com"),
                Map.entry("payop.checkout-url", "not a url"),
                Map.entry("payop.language", "xx"),
                Map.entry("payop.result-url", "https://shop.example/{{orderId}}"),
                Map.entry("payop.fail-url", "/relative/fail"),
                Map.entry("payop.http.connect-timeout", "ten seconds"),
                Map.entry("payop.http.read-timeout", "0s"),
                Map.entry("payop.http.max-attempts", "11"),
                Map.entry("payop.card-method", "-1"),
                Map.entry("payop.withdrawal-certificate", "bm90IGEga2V5"),
                Map.entry("payop.ipn.enabled", "yes"),
                Map.entry("payop.ipn.path", "payop/ipn"),
                Map.entry("payop.ipn.allowed-ips", "18.199.249.46, payop.com, 10.0.0.0/33"),
                Map.entry("payop.ipn.trusted-proxies", "0.0.0.0/0"),
                Map.entry("payop.ipn.verify-with-api", "maybe"),
                Map.entry("payop.ipn.datasource", "java:jboss/my ds"),
                Map.entry("payop.ipn.table-prefix", "Payop-"),
                Map.entry("payop.ipn.max-body-bytes", "10"),
                Map.entry("payop.ipn.lease", "2w")));
        // A secret pasted into the wrong setting must not be shown either.
        props.put("payop.project-id", "id-" + SECRET);
        PayopConfigurationException e = invalid(Role.CHECKOUT, Role.IPN);
        assertEquals(List.of("payop.api-url", "payop.checkout-url", "payop.http.connect-timeout",
                "payop.http.read-timeout", "payop.http.max-attempts", "payop.language", "payop.result-url",
                "payop.fail-url", "payop.card-method", "payop.withdrawal-certificate", "payop.ipn.enabled",
                "payop.ipn.path", "payop.ipn.allowed-ips", "payop.ipn.trusted-proxies", "payop.ipn.verify-with-api",
                "payop.ipn.datasource", "payop.ipn.table-prefix", "payop.ipn.max-body-bytes", "payop.ipn.lease"),
                e.problems().stream().map(ConfigProblem::key).toList());
        String m = e.getMessage();
        assertTrue(m.startsWith("payop4j cannot start: 19 Payop settings need fixing."), m);
        assertTrue(m.contains("uses plain http to another machine"), m);
        assertTrue(m.contains("\"xx\" is not a language"), m);
        assertTrue(m.contains("{{invoiceId}} and {{txid}}"), m);
        assertTrue(m.contains("\"ten seconds\" is not a duration"), m);
        assertTrue(m.contains("\"0s\" is not a positive duration"), m);
        assertTrue(m.contains("from 1 to 10"), m);
        assertTrue(m.contains("base64 -w0 x25519.pub"), m);
        assertTrue(m.contains("\"payop.com\", \"10.0.0.0/33\" are not an IP address"), m);
        assertTrue(m.contains("forge X-Forwarded-For"), m);
        assertTrue(m.contains("\"2w\" is not a duration"), m);
        assertFalse(m.contains(SECRET), m);
    }

    @Test
    void thePageSettingsTakeNothingThatCouldLeaveItsPlace() {
        for (String bad : List.of("../WEB-INF/web.xml", "payop/../../x.html", "file:/etc/passwd", "payop\\page.html",
                "payop/page.html?x")) {
            props.put("payop.pages.template", bad);
            assertTrue(invalid(Role.CHECKOUT).getMessage().contains("payop.pages.template"), bad);
        }
        props.remove("payop.pages.template");
        for (String bad : List.of("https://cdn.example/x.css; script-src *", "javascript:alert(1)", "//cdn.example/x.css",
                "http://cdn.example/x.css", "/css/x.css' 'unsafe-eval", "/css/x.css\"><script>", "css/x.css",
                "https://cdn.example/x.css,https://evil.example")) {
            props.put("payop.pages.stylesheet", bad);
            assertTrue(invalid(Role.CHECKOUT).getMessage().contains("is not a stylesheet URL"), bad);
        }
        props.put("payop.pages.stylesheet", "/shop/css/payop.css");
        assertEquals(Optional.of("/shop/css/payop.css"), read(Role.CHECKOUT).pagesStylesheet());
    }

    @Test
    void aSecretInAWrongPlaceIsNotShown() {
        props.put("payop.jwt-token", "Bearer " + JWT);
        props.put("payop.language", JWT);
        props.put("payop.http.connect-timeout", SECRET);
        String m = invalid(Role.CHECKOUT).getMessage();
        assertTrue(m.contains("payop.language: (value not shown: it contains a secret)"), m);
        assertTrue(m.contains("payop.http.connect-timeout: (value not shown: it contains a secret)"), m);
        assertFalse(m.contains(SECRET), m);
        assertFalse(m.contains(JWT), m);
    }

    @Test
    void keysWithSpacesAreRejectedWithoutEchoingThem() {
        props.put("payop.secret-key", "two words " + SECRET);
        props.put("payop.jwt-token", "Bearer a b");
        String m = invalid(Role.CHECKOUT).getMessage();
        assertTrue(m.contains("payop.secret-key: contains spaces"), m);
        assertTrue(m.contains("payop.jwt-token: contains spaces"), m);
        assertFalse(m.contains(SECRET), m);
    }

    @Test
    void urlsWithUserInfoAreRejectedWithoutRepeatingThePassword() {
        props.put("payop.api-url", "https://user:hunter2@api.payop.com");
        String m = invalid(Role.CHECKOUT).getMessage();
        assertTrue(m.contains("payop.api-url: contains user info"), m);
        assertFalse(m.contains("hunter2"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.payop.com/?x=1", "ftp://api.payop.com", "https://api.payop.com/#top"})
    void baseUrlsMustBePlainHttpsBases(String url) {
        props.put("payop.api-url", url);
        assertEquals(List.of("payop.api-url"), problemKeys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:9", "http://[::1]:8080"})
    void plainHttpIsAcceptedForLoopbackOnly(String url) {
        props.put("payop.api-url", url);
        assertEquals(URI.create(url), checkoutAndIpn().apiUrl());
    }

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "10s,PT10S", "2m,PT2M", "PT10S,PT10S", "pt1m30s,PT1M30S", "10 s,PT10S"})
    void durationsInTheOneDocumentedFormat(String text, String expected) {
        props.put("payop.http.read-timeout", text);
        assertEquals(Duration.parse(expected), checkoutAndIpn().readTimeout());
        if (Duration.parse(expected).toSeconds() >= 1) {
            props.put("payop.ipn.lease", text);
            assertEquals(Duration.parse(expected), checkoutAndIpn().ipnLease());
        }
    }

    @Test
    void theDuplicateWaitMayBeZeroWhereTimeoutsMayNot() {
        assertEquals(Duration.ofSeconds(3), checkoutAndIpn().ipnDuplicateWait());
        props.put("payop.ipn.duplicate-wait", "0s");
        assertEquals(Duration.ZERO, checkoutAndIpn().ipnDuplicateWait());
        props.put("payop.ipn.duplicate-wait", "2m");
        assertEquals(List.of("payop.ipn.duplicate-wait"), problemKeys());
        props.remove("payop.ipn.duplicate-wait");
        props.put("payop.http.read-timeout", "0s");
        assertEquals(List.of("payop.http.read-timeout"), problemKeys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "-5s", "1d", "PT-1S", "11m", "PT1H", "1.5s"})
    void badTimeoutsAreProblems(String text) {
        props.put("payop.http.connect-timeout", text);
        assertEquals(List.of("payop.http.connect-timeout"), problemKeys());
    }

    @Test
    void ipnSpecialValues() {
        props.put("payop.ipn.allowed-ips", "ANY");
        props.put("payop.ipn.datasource", "None");
        PayopSettings s = checkoutAndIpn();
        assertTrue(s.ipnSources().allows("203.0.113.7"));
        assertTrue(s.ipnSources().allows("2001:db8::1"));
        assertEquals(Optional.empty(), s.ipnDataSource());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/payop/ipn/", "/payop//ipn", "/payop/../ipn", "/payop/*", "/payop/ipn?x=1", "/"})
    void ipnPathsThatAreNoPlainServletPathsAreProblems(String path) {
        props.put("payop.ipn.path", path);
        assertEquals(List.of("payop.ipn.path"), problemKeys());
    }

    @Test
    void theSameValuesAreEqualSettingsAndToStringShowsNoSecret() {
        PayopSettings a = checkoutAndIpn();
        PayopSettings b = read(Role.IPN);
        assertEquals(a, b, "the role decides what is required, never what a value means");
        assertEquals(a.hashCode(), b.hashCode());
        props.put("payop.ipn.lease", "3m");
        assertFalse(a.equals(checkoutAndIpn()));
        String text = a.toString();
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains(JWT), text);
        assertTrue(text.contains("payop.secret-key=***"), text);
        assertTrue(text.contains("payop.project-id=unset"), text);
    }

    @Test
    void oldServletKeysAreReadInTheNewFormat() {
        props.putAll(Map.of(
                "payop.ipn.journal", "memory",
                "payop.ipn.journal.table-prefix", "ledger_ipn_",
                "payop.ipn.lease-seconds", "90",
                "payop.ipn.api-timeout-seconds", "5"));
        PayopSettings s = checkoutAndIpn();
        assertEquals(Optional.empty(), s.ipnDataSource(), "memory is none");
        assertEquals("ledger_ipn_", s.ipnTablePrefix());
        assertEquals(Duration.ofSeconds(90), s.ipnLease());
        assertEquals(Duration.ofSeconds(5), s.connectTimeout());
        assertEquals(Duration.ofSeconds(5), s.readTimeout());

        props.put("payop.ipn.journal", "java:comp/env/jdbc/shop");
        props.put("payop.http.read-timeout", "20s");
        props.put("payop.ipn.lease", "3m");
        s = checkoutAndIpn();
        assertEquals(Optional.of("java:comp/env/jdbc/shop"), s.ipnDataSource());
        assertEquals(Duration.ofSeconds(5), s.connectTimeout());
        assertEquals(Duration.ofSeconds(20), s.readTimeout(), "the new key wins");
        assertEquals(Duration.ofMinutes(3), s.ipnLease(), "the new key wins");
    }

    @Test
    void aBadOldValueIsAProblemOfTheOldKeyNamingTheNewOne() {
        props.put("payop.ipn.lease-seconds", "sixty");
        PayopConfigurationException e = invalid(Role.IPN);
        assertEquals(List.of("payop.ipn.lease-seconds"), e.problems().stream().map(ConfigProblem::key).toList());
        assertTrue(e.getMessage().contains("\"sixty\" is not a whole number of seconds. It is the old name of"
                + " payop.ipn.lease"), e.getMessage());
    }

    /** The readiness check's reason before a client exists: the same text as the client's own. */
    @Test
    void anExpiredTokenIsAProblemThatNamesTheFixAndAValidOneIsNot() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Instant past = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Function<Instant, String> token = exp -> b64.encodeToString("{\"alg\":\"RS256\"}".getBytes()) + "."
                + b64.encodeToString(("{\"exp\":" + exp.getEpochSecond() + "}").getBytes()) + ".c2ln";
        props.put("payop.jwt-token", token.apply(past));
        assertEquals(Optional.of("the JWT token expired at " + past + "; create a new token in the Payop dashboard"
                + " and set payop.jwt-token"), checkoutAndIpn().jwtTokenProblem());
        props.put("payop.jwt-token", token.apply(Instant.now().plusSeconds(3600)));
        assertEquals(Optional.empty(), checkoutAndIpn().jwtTokenProblem());
        props.put("payop.jwt-token", JWT); // no exp claim: nothing to tell from the settings
        assertEquals(Optional.empty(), checkoutAndIpn().jwtTokenProblem());
    }
}
