package io.github.payop4j.testkit;

import java.util.List;
import java.util.Objects;

/**
 * A payment method in the emulated project's catalogue: what
 * {@code /v1/instrument-settings/payment-methods/available-for-application/{id}} lists and what an
 * invoice or checkout may name.
 *
 * @param identifier Payop's method id
 * @param type Payop's method type, e.g. {@code cards_international}, {@code bank_transfer}
 * @param formType {@code cards} for card methods (a card token is needed server to server),
 *     {@code standard} otherwise
 * @param title shown on the hosted page
 * @param currencies ISO codes the method accepts
 * @param countries ISO country codes
 * @param requiredFields payer fields the method needs: {@code email}, {@code name}, {@code phone}
 *     go in the payer object, anything else in {@code payer.extraFields}
 */
public record EmulatedPaymentMethod(int identifier, String type, String formType, String title,
        List<String> currencies, List<String> countries, List<String> requiredFields) {

    /** The card method (id 381, one of Payop's S2S card ids): card token, 3-D Secure per test card. */
    public static final EmulatedPaymentMethod CARDS = new EmulatedPaymentMethod(381, "cards_international", "cards",
            "Visa / Mastercard", List.of("EUR", "USD", "GBP"), List.of(), List.of("email", "name"));

    /** A local card method that needs an extra payer field ({@code nationalid}), like Payop's Argencard. */
    public static final EmulatedPaymentMethod NATIONAL_ID = new EmulatedPaymentMethod(336, "cards_local", "standard",
            "Argencard", List.of("EUR", "USD"), List.of("AR"), List.of("email", "name", "nationalid"));

    /** A bank transfer: the payer is sent to the (emulated) bank's page; needs a date of birth. */
    public static final EmulatedPaymentMethod BANK_TRANSFER = new EmulatedPaymentMethod(203822, "bank_transfer",
            "standard", "Pay by bank", List.of("EUR", "GBP"),
            List.of("AT", "ES", "IT", "PT", "FR", "DE", "FI", "NL", "EE", "LT"), List.of("email", "name", "date_of_birth"));

    /** The default catalogue: {@link #CARDS}, {@link #NATIONAL_ID}, {@link #BANK_TRANSFER}. */
    public static final List<EmulatedPaymentMethod> DEFAULTS = List.of(CARDS, NATIONAL_ID, BANK_TRANSFER);

    public EmulatedPaymentMethod {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(formType, "formType");
        Objects.requireNonNull(title, "title");
        currencies = List.copyOf(currencies);
        countries = List.copyOf(countries);
        requiredFields = List.copyOf(requiredFields);
        if (identifier <= 0) {
            throw new IllegalArgumentException("A payment method id is a positive number, got " + identifier);
        }
    }

    /** Whether the server-to-server flow needs a card token for this method. */
    public boolean isCard() {
        return "cards".equals(formType);
    }
}
