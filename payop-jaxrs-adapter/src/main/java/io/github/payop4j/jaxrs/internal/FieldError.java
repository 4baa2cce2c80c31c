package io.github.payop4j.jaxrs.internal;

/**
 * One request field that is missing or invalid; the reason never repeats the value.
 *
 * @param name the field as the front end knows it ("email", "date_of_birth", "pan", "paymentMethod")
 * @param reason what is wrong, for the payer's eyes
 */
record FieldError(String name, String reason) {
}
