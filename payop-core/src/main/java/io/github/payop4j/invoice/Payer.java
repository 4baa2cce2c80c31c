package io.github.payop4j.invoice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who pays. Payment methods may require more fields ({@code config.fields}): {@code email},
 * {@code name} and {@code phone} have their own places, every other field goes into
 * {@link #extraFields()}.
 *
 * @param email required by Payop
 * @param name optional
 * @param phone optional
 * @param extraFields method-specific fields such as {@code nationalid} or {@code date_of_birth}
 */
public record Payer(String email, String name, String phone, Map<String, String> extraFields) {

    // Compiled once: String.matches compiles its pattern on every call.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public Payer {
        Objects.requireNonNull(email, "payer email");
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("Invalid payer email \"" + email + "\": Payop requires a valid address");
        }
        extraFields = extraFields == null ? Map.of() : Map.copyOf(extraFields);
    }

    public static Payer withEmail(String email) {
        return new Payer(email, null, null, Map.of());
    }

    public Payer name(String value) {
        return new Payer(email, value, phone, extraFields);
    }

    public Payer phone(String value) {
        return new Payer(email, name, value, extraFields);
    }

    /** Adds a method-specific field; "email", "name" and "phone" set their own components. */
    public Payer field(String field, String value) {
        switch (field) {
            case "email": return new Payer(value, name, phone, extraFields);
            case "name": return name(value);
            case "phone": return phone(value);
            default:
                Map<String, String> more = new LinkedHashMap<>(extraFields);
                more.put(field, value);
                return new Payer(email, name, phone, more);
        }
    }
}
