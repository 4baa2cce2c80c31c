package io.github.payop4j.internal.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Removes secrets from text that may reach a log or an exception message. */
final class Redactor {

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
        return out;
    }
}
