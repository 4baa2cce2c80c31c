package io.github.payop4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.error.PayopAuthenticationException;
import io.github.payop4j.testing.PayopStub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Payop's JWT tokens expire: the client reads {@code exp} from the payload when it is built,
 * warns (without ever logging the token) days before, and reports an expired or refused token
 * as a problem a readiness check can show.
 */
class TokenExpiryTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    /** A token shaped like Payop's: header.payload.signature, Base64url without padding. */
    static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("signature-never-shown".getBytes(StandardCharsets.UTF_8));
    }

    private static PayopClient client(String token) {
        return ClientFixture.builder(payop.baseUrl()).jwtToken(token).build();
    }

    @Test
    void theExpiryIsReadFromThePayloadAndAnExpiredTokenIsAProblem() {
        Instant exp = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        try (PayopClient c = client(jwt("{\"iat\": 1600000000, \"exp\": " + exp.getEpochSecond() + ", \"sub\": 7}"))) {
            assertEquals(exp, c.tokenExpiresAt().orElseThrow());
            String problem = c.tokenProblem().orElseThrow();
            assertTrue(problem.contains("expired at " + exp), problem);
            assertTrue(problem.contains("Payop dashboard"), problem);
        }
    }

    @Test
    void aValidTokenHasNoProblemAndAnOpaqueOneNoExpiry() {
        Instant exp = Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS);
        try (PayopClient c = client(jwt("{\"exp\": \"" + exp.getEpochSecond() + "\"}"))) {
            assertEquals(exp, c.tokenExpiresAt().orElseThrow(), "a numeric string is read too");
            assertTrue(c.tokenProblem().isEmpty());
        }
        for (String opaque : List.of("emulator.jwt.0123abcd", "not-a-jwt", jwt("[1, 2]"), jwt("{\"sub\": 1}"),
                "a.%%%.b")) {
            try (PayopClient c = client(opaque)) {
                assertTrue(c.tokenExpiresAt().isEmpty(), opaque);
                assertTrue(c.tokenProblem().isEmpty(), opaque);
            }
        }
    }

    @Test
    void aTokenTheApiRefusesIsAProblemUntilAnAuthenticatedCallSucceeds() {
        String token = jwt("{\"exp\": " + Instant.now().plus(Duration.ofDays(90)).getEpochSecond() + "}");
        payop.stubFor(get("/v2/transactions/refused").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Expired JWT Token\"}")));
        payop.stubFor(get("/v2/transactions/fine").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\": {\"identifier\": \"fine\","
                        + " \"state\": 2, \"amount\": 1, \"currency\": \"EUR\"}}")));
        try (PayopClient c = client(token)) {
            assertThrows(PayopAuthenticationException.class, () -> c.transactions().get("refused"));
            String problem = c.tokenProblem().orElseThrow();
            assertTrue(problem.contains("refused the JWT token (HTTP 401)"), problem);

            c.transactions().get("fine");
            assertTrue(c.tokenProblem().isEmpty(), "the token works again (replaced at Payop, or a glitch)");
        }
    }

    @Test
    void startUpWarnsBeforeTheTokenExpiresAndLogsNeverTheToken() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("io.github.payop4j");
        root.addHandler(capture);
        String soon = jwt("{\"exp\": " + Instant.now().plus(Duration.ofDays(3)).getEpochSecond() + "}");
        String later = jwt("{\"exp\": " + Instant.now().plus(Duration.ofDays(30)).getEpochSecond() + "}");
        String gone = jwt("{\"exp\": " + Instant.now().minus(Duration.ofDays(1)).getEpochSecond() + "}");
        try {
            client(soon).close();
            assertEquals(1, logged.stream().filter(m -> m.startsWith("WARNING PAYOP-CONFIG-004")).count(), logged.toString());
            assertTrue(logged.get(0).contains("in 2 days") || logged.get(0).contains("in 3 days"), logged.get(0));
            client(later).close();
            assertEquals(1, logged.size(), "30 days ahead is not yet worth a warning (default 14 days)");
            ClientFixture.builder(payop.baseUrl()).jwtToken(later).tokenExpiryWarning(Duration.ofDays(45)).build()
                    .close();
            assertEquals(2, logged.size(), logged.toString());
            client(gone).close();
            assertTrue(logged.get(2).startsWith("SEVERE PAYOP-CONFIG-005"), logged.toString());
        } finally {
            root.removeHandler(capture);
        }
        for (String m : logged) {
            for (String token : List.of(soon, later, gone)) {
                assertFalse(m.contains(token) || m.contains(token.split("\\.")[1]), m);
            }
        }
    }
}
