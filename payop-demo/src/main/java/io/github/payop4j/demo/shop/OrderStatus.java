package io.github.payop4j.demo.shop;

/** Where an order's payment stands, as Payop's confirmed IPNs moved it. */
public enum OrderStatus {
    /** Placed, not paid. */
    NEW,
    /** Payop reported a payment in progress (new, pending, pre-approved): not paid yet. */
    PENDING,
    /** The last attempt failed; the customer may try again. */
    FAILED,
    /** Payop confirmed the payment: ship it. */
    PAID
}
