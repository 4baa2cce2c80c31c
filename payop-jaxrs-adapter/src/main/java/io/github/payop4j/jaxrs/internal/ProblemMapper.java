package io.github.payop4j.jaxrs.internal;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Every failure of the checkout application as {@code application/problem+json}, never a stack
 * trace. Deliberately not annotated {@code @Provider}: it is registered only through
 * {@link io.github.payop4j.jaxrs.PayopCheckoutApplication#getClasses()}, so a shop application
 * that scans the WAR does not pick it up and keeps its own error handling.
 */
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private final Problems problems = new Problems(new JsonIo());

    @Override
    public Response toResponse(Throwable exception) {
        return problems.toResponse(exception);
    }
}
