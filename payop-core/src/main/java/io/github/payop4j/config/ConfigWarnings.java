package io.github.payop4j.config;

import io.github.payop4j.internal.config.Alias;
import io.github.payop4j.internal.config.KeyNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The warnings of {@link PayopSettings#warnings}: old keys in use, and names that are no setting. */
final class ConfigWarnings {

    static final String RENAMED = "PAYOP-CONFIG-001";
    static final String UNKNOWN = "PAYOP-CONFIG-002";

    private ConfigWarnings() {
    }

    static List<String> of(SettingsSource source, Iterable<String> names) {
        List<String> out = new ArrayList<>(renamed(source));
        out.addAll(unknown(names));
        return out;
    }

    /** One line per old key that is set, naming its replacement(s) and saying which one wins. */
    private static List<String> renamed(SettingsSource source) {
        Map<String, List<Setting<?>>> byOldKey = new LinkedHashMap<>();
        for (Setting<?> s : Setting.all()) {
            for (String old : s.oldKeys()) {
                byOldKey.computeIfAbsent(old, k -> new ArrayList<>()).add(s);
            }
        }
        List<String> out = new ArrayList<>();
        byOldKey.forEach((old, settings) -> {
            Optional<String> value = value(source, old);
            if (value.isEmpty()) {
                return;
            }
            List<String> readAs = new ArrayList<>();
            List<String> overridden = new ArrayList<>();
            for (Setting<?> s : settings) {
                if (value(source, s.key()).isPresent()) {
                    overridden.add(s.key());
                } else {
                    readAs.add(s.key() + "=" + translated(s, old, value.get()));
                }
            }
            StringBuilder line = new StringBuilder(RENAMED).append(' ').append(old).append(" is an old name");
            if (!readAs.isEmpty()) {
                line.append(": read as ").append(String.join(" and ", readAs)).append(". Rename it");
            }
            if (!overridden.isEmpty()) {
                line.append(readAs.isEmpty() ? " and is ignored: " : "; ")
                        .append(String.join(" and ", overridden)).append(overridden.size() == 1 ? " is" : " are")
                        .append(" set too and win").append(overridden.size() == 1 ? "s" : "")
                        .append(readAs.isEmpty() ? ". Remove it" : " over it");
            }
            out.add(line.append("; old names are accepted for this release only.").toString());
        });
        return out;
    }

    private static String translated(Setting<?> s, String old, String value) {
        if (s.isSecret()) {
            return "***";
        }
        for (Alias alias : s.aliases()) {
            if (alias.oldKey().equals(old)) {
                try {
                    return alias.translate().apply(value);
                } catch (IllegalArgumentException e) {
                    return "(a " + s.type() + ")"; // reported as a problem by the reading
                }
            }
        }
        return value;
    }

    /** Names that look like payop4j settings (in any spelling) but are none, with the closest key. */
    private static List<String> unknown(Iterable<String> names) {
        Set<String> known = new HashSet<>();
        for (Setting<?> s : Setting.all()) {
            known.add(KeyNames.environmentForm(s.key()));
            s.oldKeys().forEach(old -> known.add(KeyNames.environmentForm(old)));
        }
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String form = name == null ? "" : KeyNames.environmentForm(name);
            if (!form.startsWith("PAYOP_") || known.contains(form) || !seen.add(form)) {
                continue;
            }
            String best = null;
            int bestDistance = 4;
            for (Setting<?> s : Setting.all()) {
                int d = KeyNames.distance(form, s.environmentVariable());
                if (d < bestDistance) {
                    bestDistance = d;
                    best = s.key();
                }
            }
            out.add(UNKNOWN + " " + name + " is not a payop4j setting and is ignored"
                    + (best == null ? "" : " (did you mean " + best + "?)"));
        }
        return out;
    }

    private static Optional<String> value(SettingsSource source, String key) {
        Optional<String> v = source.value(key);
        return v == null ? Optional.empty() : v.map(String::trim).filter(s -> !s.isEmpty());
    }
}
