package io.github.payop4j.config;

/**
 * What a deployment does with payop4j; it decides which settings are required. The CDI adapter
 * plays both roles, payop-ipn-servlet alone plays {@link #IPN}.
 */
public enum Role {

    /**
     * Creating invoices and payments: the adapter's checkout endpoints and its injected
     * {@code PayopClient}. Requires {@code payop.public-key} and {@code payop.secret-key}.
     */
    CHECKOUT,

    /**
     * Receiving IPNs. Unless {@code payop.ipn.enabled=false}, requires {@code payop.jwt-token}, because
     * every IPN is confirmed with Payop's API, or an explicit {@code payop.ipn.verify-with-api=false}.
     */
    IPN
}
