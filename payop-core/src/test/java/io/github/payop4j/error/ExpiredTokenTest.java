package io.github.payop4j.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.refund.RefundRequest;
import io.github.payop4j.testing.PayopStub;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An expired JWT is the 401 an operator meets most, and the one where the words matter. Payop
 * (Symfony + LexikJWT) answers {@code {"code":401,"message":"Expired JWT Token"}}. On Jersey's
 * default connector a streamed POST loses that body (HttpURLConnection drops it); the exception
 * must then still say what happened and what to do.
 */
class ExpiredTokenTest {

    private static final String EXPIRED = "{\"code\":401,\"message\":\"Expired JWT Token\"}";

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private static void assertSaysTheTokenWasRefusedAndWhatToDo(PayopAuthenticationException e) {
        String message = e.getMessage();
        assertEquals(401, e.httpStatus());
        assertTrue(message.contains("Payop refused the JWT token"), message);
        assertTrue(message.contains("expired token is the usual cause"), message);
        assertTrue(message.contains("Payop dashboard"), message);
        assertTrue(message.contains("payop.jwt-token"), message);
        assertFalse(message.contains(PayopStub.JWT), message);
    }

    @Test
    void aStreamedPostKeepsPayopsWordsOrSaysWhyTheyAreMissing() {
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withHeader("WWW-Authenticate", "Bearer")
                .withBody(EXPIRED)));
        // Every POST body streamed, whatever the transport decides per request.
        Client streaming = ClientBuilder.newBuilder()
                .property("jersey.config.client.request.entity.processing", "CHUNKED").build();
        try (PayopClient client = ClientFixture.builder(payop.baseUrl()).client(streaming).build()) {
            PayopAuthenticationException e = assertThrows(PayopAuthenticationException.class,
                    () -> client.refunds().create(RefundRequest.full("tx-1")));

            assertSaysTheTokenWasRefusedAndWhatToDo(e);
            if (e.payopMessage().isEmpty()) {
                assertTrue(e.getMessage().contains("Payop's reason was not readable"), e.getMessage());
            } else {
                assertEquals("Expired JWT Token", e.payopMessage());
                assertTrue(e.getMessage().contains("\"Expired JWT Token\""), e.getMessage());
            }
            assertFalse(e.requestMayHaveTakenEffect(), "a 401 is a refusal");
        } finally {
            streaming.close();
        }
        payop.verify(1, postRequestedFor(urlEqualTo("/v1/refunds/create")));
    }

    @Test
    void aReadableAnswerCarriesPayopsWordsAndTheAdvice() {
        payop.stubFor(get("/v2/transactions/tx-1").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(EXPIRED)));

        try (PayopClient client = ClientFixture.client(payop.baseUrl())) {
            PayopAuthenticationException e = assertThrows(PayopAuthenticationException.class,
                    () -> client.transactions().get("tx-1"));

            assertEquals("Expired JWT Token", e.payopMessage());
            assertTrue(e.getMessage().contains("HTTP 401, \"Expired JWT Token\""), e.getMessage());
            assertSaysTheTokenWasRefusedAndWhatToDo(e);
        }
    }

    @Test
    void aPostWhoseBodyArrivedCarriesPayopsWords() {
        // Whether the transport buffers or streams this POST, a body that arrives is read.
        payop.stubFor(post("/v1/refunds/create").willReturn(aResponse().withStatus(401).withBody(EXPIRED)));

        try (PayopClient client = ClientFixture.client(payop.baseUrl())) {
            PayopAuthenticationException e = assertThrows(PayopAuthenticationException.class,
                    () -> client.refunds().create(RefundRequest.full("tx-1")));

            assertSaysTheTokenWasRefusedAndWhatToDo(e);
            assertTrue(e.payopMessage().isEmpty() || e.getMessage().contains("\"Expired JWT Token\""), e.getMessage());
        }
    }
}
