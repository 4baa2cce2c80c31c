package io.github.payop4j.jaxrs.internal;

import java.util.Map;

/**
 * Payer fields as the browser sent them, unchecked; any of them may be {@code null}.
 *
 * @param fields method-specific fields by name ("date_of_birth")
 */
record PayerInput(String email, String name, String phone, Map<String, String> fields) {

    static final PayerInput NONE = new PayerInput(null, null, null, Map.of());

    PayerInput {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
