package io.github.payop4j.jaxrs.internal;

import java.util.List;

/**
 * A failure of the card flow, carrying the card values that must be cut out of anything logged
 * about it. Payop may echo the expiry date or holder name in an error, which core does not know
 * to redact on every call; the adapter knows the card and redacts it all.
 */
final class CardDataFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> cardValues;

    CardDataFailure(RuntimeException cause, List<String> cardValues) {
        super("card flow failed", cause, false, false);
        this.cardValues = List.copyOf(cardValues);
    }

    RuntimeException failure() {
        return (RuntimeException) getCause();
    }

    List<String> cardValues() {
        return cardValues == null ? List.of() : cardValues;
    }
}
