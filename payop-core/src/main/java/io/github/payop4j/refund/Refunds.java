package io.github.payop4j.refund;

import java.util.List;
import java.util.Optional;

/** Refunds of paid transactions. Needs the JWT token. */
public interface Refunds {

    /**
     * Asks Payop to refund; returns the refund id (from the {@code identifier} header). Never
     * retried by the client: on a connection failure, {@link #list()} first to see whether it
     * was created.
     */
    String create(RefundRequest request);

    /** One refund, or empty when Payop knows no refund with that id. */
    Optional<Refund> get(String refundId);

    /** All of the merchant's refunds. */
    List<Refund> list();
}
