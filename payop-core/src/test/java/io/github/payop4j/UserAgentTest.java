package io.github.payop4j;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.testing.PayopStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Payop (and a shop's proxy logs) see which release of payop4j is calling: the User-Agent
 * carries this build's version, not {@code dev}. Surefire passes the Maven project version as
 * {@code payop4j.expected.version}; the client must find it in its own jar's resources, which
 * works on the class path, the module path and inside WildFly's and Payara's class loaders.
 */
class UserAgentTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    @Test
    void theUserAgentNamesThisReleaseOfPayop4jAndTheShopsAppInfo() {
        String version = System.getProperty("payop4j.expected.version");
        assertNotNull(version, "run through Maven: surefire sets payop4j.expected.version");
        payop.stubFor(get(urlEqualTo("/v2/transactions/tx-1")).willReturn(okJson(
                "{\"data\":{\"identifier\":\"tx-1\",\"state\":2},\"status\":1}")));
        try (PayopClient client = ClientFixture.builder(payop.baseUrl()).appInfo("my-shop/2.3").build()) {
            client.transactions().get("tx-1");
        }
        String agent = payop.findAll(getRequestedFor(urlEqualTo("/v2/transactions/tx-1"))).get(0)
                .getHeader("User-Agent");
        assertEquals("payop4j/" + version + " Java/" + Runtime.version().feature() + " my-shop/2.3", agent);
        assertFalse(agent.contains("/dev"), agent);
    }
}
