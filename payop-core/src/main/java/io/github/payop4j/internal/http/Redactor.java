package io.github.payop4j.internal.http;

import io.github.payop4j.checkout.Card;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that may reach a log or an exception message: the values it was
 * given, and anything that looks like a card number (13-19 digits passing the Luhn check), which
 * is masked to its last four digits whatever request it came with.
 */
final class Redactor {

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])[0-9]{13,19}(?![0-9])");

    private final List<String> secrets;

    Redactor(List<String> secrets) {
        List<String> usable = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && s.length() >= 3) {
                usable.add(s);
            }
        }
        // Longest first, so a secret that contains another is removed whole.
        usable.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(usable);
    }

    Redactor with(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(secrets);
        all.addAll(more);
        return new Redactor(all);
    }

    String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "[redacted]");
        }
        return maskCardNumbers(out);
    }

    static String maskCardNumbers(String text) {
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group();
            String replacement = Card.passesLuhn(digits) ? "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4) : digits;
            m.appendReplacement(out, replacement);
        }
        m.appendTail(out);
        return out.toString();
    }
}
