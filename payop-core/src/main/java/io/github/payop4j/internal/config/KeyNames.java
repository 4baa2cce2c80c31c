package io.github.payop4j.internal.config;

import java.util.Locale;

/** Setting names as environment variables spell them, and how close two names are. */
public final class KeyNames {

    private KeyNames() {
    }

    /**
     * The environment-variable form MicroProfile Config looks up: upper case, every character
     * other than a letter or digit replaced by {@code _} ({@code payop.jwt-token} is
     * {@code PAYOP_JWT_TOKEN}). Names that differ only in this form mean the same setting.
     */
    public static String environmentForm(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Levenshtein distance, for "did you mean". */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
