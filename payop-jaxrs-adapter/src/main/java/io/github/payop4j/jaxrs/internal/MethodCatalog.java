package io.github.payop4j.jaxrs.internal;

import io.github.payop4j.method.PaymentMethod;
import io.github.payop4j.method.PaymentMethods;
import io.github.payop4j.money.CurrencyCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The project's payment methods, fetched at most once per {@code payop.payment-methods.cache}
 * (5 minutes by default). Every checkout page view asks for them; without the cache each view
 * would spend Payop's rate limit. A method switched off in the dashboard may thus be offered
 * until the cache expires, and Payop then rejects the payment. A zero duration fetches the list
 * for every request.
 */
final class MethodCatalog {

    private final PaymentMethods api;
    private final Duration ttl;
    private final Clock clock;
    private final AtomicReference<Snapshot> cached = new AtomicReference<>();

    private record Snapshot(List<PaymentMethod> methods, Instant expires) {
    }

    MethodCatalog(PaymentMethods api, Duration ttl, Clock clock) {
        this.api = api;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Every method of the project (concurrent first calls may both fetch; either answer is fine). */
    List<PaymentMethod> all() {
        if (ttl.isZero()) {
            return List.copyOf(api.available());
        }
        Instant now = clock.instant();
        Snapshot s = cached.get();
        if (s == null || !now.isBefore(s.expires())) {
            s = new Snapshot(List.copyOf(api.available()), now.plus(ttl));
            cached.set(s);
        }
        return s.methods();
    }

    /** The methods that accept {@code currency}. */
    List<PaymentMethod> forCurrency(CurrencyCode currency) {
        return all().stream().filter(m -> m.id() != null && m.supportsCurrency(currency.code())).toList();
    }

    /** The method with this id, if it accepts {@code currency}. */
    Optional<PaymentMethod> find(int id, CurrencyCode currency) {
        return forCurrency(currency).stream().filter(m -> m.id() == id).findFirst();
    }
}
