package io.github.payop4j.jaxrs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.payop4j.jaxrs.PayopCheckoutApplication;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void frameworkErrorsKeepTheirStatusAsProblems() {
        Response notFound = mapper.toResponse(new NotFoundException("RESTEASY003210: no resource for /x/y"));
        assertEquals(404, notFound.getStatus());
        assertEquals("application/problem+json", notFound.getMediaType().toString());
        JsonObject p = Fixture.object(notFound);
        assertEquals("Not Found", p.getString("title"));
        assertFalse(Fixture.text(notFound).contains("RESTEASY"), "the framework's text is not passed on");

        Response notAllowed = mapper.toResponse(new NotAllowedException("method not allowed", "GET", new String[] {"POST"}));
        assertEquals(405, notAllowed.getStatus());
        assertTrue(notAllowed.getHeaderString("Allow").contains("POST"));
        assertEquals(415, mapper.toResponse(new NotSupportedException()).getStatus());
    }

    @Test
    void anythingUnexpectedIs500WithAnIncidentAndNoInternals() {
        try (LogCapture logs = new LogCapture()) {
            Response r = mapper.toResponse(new IllegalStateException("connection pool orders-pool exhausted"));
            assertEquals(500, r.getStatus());
            String body = Fixture.text(r);
            assertFalse(body.contains("orders-pool"), body);
            assertFalse(body.contains("IllegalStateException"), body);
            assertFalse(body.contains("at io.github"), body);
            String incident = Fixture.object(r).getString("instance");
            assertTrue(incident.startsWith("urn:uuid:"));
            assertTrue(logs.all().contains(incident) && logs.all().contains("orders-pool"),
                    "the operator finds the details under the incident id");
        }
    }

    @Test
    void anUnexpectedFailureOfTheCardFlowIsLoggedWithTheCardCutOut() {
        try (LogCapture logs = new LogCapture()) {
            RuntimeException bug = new IllegalStateException("bad state",
                    new IllegalArgumentException("card 5555555555554444 exp 11/29"));
            Response r = new Problems(new JsonIo()).toResponse(
                    new CardDataFailure(bug, java.util.List.of("5555555555554444", "11/29", "737")));
            assertEquals(500, r.getStatus());
            String logged = logs.all();
            assertTrue(logged.contains("Caused by: java.lang.IllegalArgumentException: card [redacted] exp [redacted]"),
                    logged);
            assertTrue(logged.contains("\tat io.github.payop4j"), "the frames are kept: " + logged);
            assertFalse(logged.contains("5555555555554444") || logged.contains("11/29"), logged);
        }
    }

    @Test
    void theCheckoutApplicationListsOnlyItsOwnClassesAndTheMapperIsNotScannable() {
        assertEquals(java.util.Set.of(OrderResource.class, InvoiceResource.class, ProblemMapper.class),
                new PayopCheckoutApplication().getClasses());
        assertFalse(ProblemMapper.class.isAnnotationPresent(Provider.class),
                "a scanning shop application must not pick up our catch-all mapper");
        assertTrue(OrderResource.class.getAnnotation(Path.class).value().startsWith("payop/"));
        assertTrue(InvoiceResource.class.getAnnotation(Path.class).value().startsWith("payop/"));
    }
}
