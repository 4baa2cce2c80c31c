package io.github.payop4j.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.error.PayopApiException;
import io.github.payop4j.error.PayopAuthenticationException;
import io.github.payop4j.internal.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The error answer shapes, mapped without a network: exactly the bytes the transport read. */
class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper(new JsonCodec());
    private final Redactor redactor = new Redactor(List.of("s3cr3t-key"));
    private final ApiRequest refund = ApiRequest.post("refund transaction tx-1", "/v1/refunds/create",
            "{}".getBytes(StandardCharsets.UTF_8), true);

    private PayopApiException map(int status, String body) {
        return mapper.toException(refund, status, body.getBytes(StandardCharsets.UTF_8), null, redactor);
    }

    @Test
    void aBufferedPostsExpiredTokenAnswerKeepsPayopsWordsAndSaysWhatToDo() {
        PayopApiException e = map(401, "{\"code\":401,\"message\":\"Expired JWT Token\"}");

        assertInstanceOf(PayopAuthenticationException.class, e);
        assertEquals("Expired JWT Token", e.payopMessage());
        assertTrue(e.getMessage().contains("HTTP 401, \"Expired JWT Token\""), e.getMessage());
        assertTrue(e.getMessage().contains("an expired token is the usual cause"), e.getMessage());
        assertTrue(e.getMessage().contains("payop.jwt-token"), e.getMessage());
    }

    @Test
    void aFourOhOneWithoutBodySaysTheTokenWasRefusedAndThatTheReasonIsMissing() {
        PayopApiException e = map(401, "");

        assertEquals("", e.payopMessage());
        assertTrue(e.getMessage().contains("Payop's reason was not readable"), e.getMessage());
        assertTrue(e.getMessage().contains("Payop refused the JWT token"), e.getMessage());
        assertTrue(e.getMessage().contains("payop.jwt-token"), e.getMessage());
    }

    @Test
    void nestedFieldMessagesBecomeDottedKeysAndEveryTextIsKept() {
        PayopApiException e = map(422, """
                {"message": {"order": {"amount": ["This value should be greater than 0."],
                                       "items": {"0": {"price": "Not a number."}}},
                             "payer.email": ["This value is not a valid email address.", "Too long."],
                             "currency": "Unsupported currency.",
                             "metadata": [],
                             "lines": [{"qty": ["Too many."]}, "Check the lines."]}}""");

        assertEquals(Map.of(
                "order.amount", List.of("This value should be greater than 0."),
                "order.items[0].price", List.of("Not a number."),
                "payer.email", List.of("This value is not a valid email address.", "Too long."),
                "currency", List.of("Unsupported currency."),
                "lines[0].qty", List.of("Too many."),
                "lines", List.of("Check the lines.")), e.fieldErrors());
        assertEquals("order.amount: This value should be greater than 0.; order.items[0].price: Not a number.;"
                + " payer.email: This value is not a valid email address. Too long.; currency: Unsupported currency.;"
                + " lines[0].qty: Too many.; lines: Check the lines.", e.payopMessage());
        assertTrue(e.getMessage().contains(e.payopMessage()), e.getMessage());
    }

    @Test
    void aHostilelyDeepMessageIsCutNotAStackOverflow() {
        String deep = "{\"a\":".repeat(500) + "[\"x\"]" + "}".repeat(500);
        PayopApiException e = map(422, "{\"message\": " + deep + "}");

        assertTrue(e.fieldErrors().size() <= 1, e.fieldErrors()::toString);
        assertTrue(e.payopMessage().length() < 1000, e.payopMessage());
    }
}
