package io.github.payop4j.method;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A payment method available to the project.
 *
 * @param id Payop's method id (e.g. 381)
 * @param type the method family ("cards_local", "bank_transfer", ...)
 * @param formType "cards" when a card token is needed, "standard" otherwise; {@code null} if absent
 * @param title the display name
 * @param logo logo URL, if any
 * @param currencies the currencies it accepts
 * @param countries the countries it serves
 * @param fields the payer fields it asks for
 * @param raw the whole JSON object
 */
public record PaymentMethod(Integer id, String type, String formType, String title, String logo,
        List<String> currencies, List<String> countries, List<PayerField> fields, JsonObject raw) {

    /** Whether checkout needs a card token first ({@code formType} is "cards"). */
    public boolean requiresCardToken() {
        return "cards".equalsIgnoreCase(formType);
    }

    /** Whether it accepts the ISO currency code (case-insensitive). */
    public boolean supportsCurrency(String currency) {
        return currencies.stream().anyMatch(c -> c.equalsIgnoreCase(currency));
    }

    /** The fields Payop requires for a direct payment. */
    public List<PayerField> requiredFields() {
        return fields.stream().filter(PayerField::required).toList();
    }
}
