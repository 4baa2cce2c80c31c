package io.github.payop4j.invoice;

import java.util.Locale;
import java.util.Optional;

/** The languages Payop's hosted checkout page is documented to support. */
public enum CheckoutLanguage {
    EN, RU, ES, IT, PT, DE, FR, SV, FI, TR, PL, NL;

    /** The lower-case code used in requests and in the hosted-page URL ("en"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language for a code such as "de" or "DE", if Payop documents it. */
    public static Optional<CheckoutLanguage> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (CheckoutLanguage l : values()) {
            if (l.name().equalsIgnoreCase(code.trim())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * The language for a code, failing with the list of supported codes.
     *
     * @throws IllegalArgumentException for an undocumented language
     */
    public static CheckoutLanguage of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("Unsupported checkout language \""
                + code + "\": Payop's hosted page supports en, ru, es, it, pt, de, fr, sv, fi, tr, pl, nl"));
    }
}
