package io.github.payop4j.config;

import io.github.payop4j.internal.config.Alias;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** One reading of every setting: values, defaults, old names, role requirements, all problems at once. */
final class SettingsReader {

    private final SettingsSource source;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    SettingsReader(SettingsSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    PayopSettings read(Set<Role> roles) {
        // Secrets first, so that no message can show a value that contains one.
        for (Setting<?> s : Setting.all()) {
            if (s.isSecret()) {
                value(s.key()).ifPresent(v -> {
                    secrets.add(v);
                    if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
                        secrets.add(v.substring(7).trim());
                    }
                });
            }
        }
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        for (Setting<?> s : Setting.all()) {
            read(s, values);
        }
        if (roles.contains(Role.CHECKOUT)) {
            require(values, Setting.PUBLIC_KEY, "missing. Set it to your project's public key (\"application-...\"),"
                    + " shown in the Payop dashboard under Projects > Projects List > Details.");
            require(values, Setting.SECRET_KEY, "missing. Set it to your project's secret key (Payop dashboard:"
                    + " Projects > Projects List > Details), preferably as the environment variable PAYOP_SECRET_KEY"
                    + " rather than a file inside the WAR.");
        }
        if (roles.contains(Role.IPN) && !Boolean.FALSE.equals(values.get(Setting.IPN_ENABLED))) {
            requireTokenForIpn(values);
            if (Boolean.TRUE.equals(values.get(Setting.IPN_REFUND_DOUBLE_PAYMENTS))
                    && !values.containsKey(Setting.JWT_TOKEN)) {
                problem(Setting.IPN_REFUND_DOUBLE_PAYMENTS.key(), "is true, but refunds need the JWT token: set "
                        + Setting.JWT_TOKEN.key() + ", or set this to false and refund double payments by hand.");
            }
        }
        if (problems.isEmpty()) {
            PayopSettings settings = new PayopSettings(values);
            try {
                // The client's own rules are the last word: valid here means its builder accepts it.
                settings.clientBuilder();
            } catch (IllegalArgumentException | IllegalStateException e) {
                problems.add(new ConfigProblem("payop.*", "rejected by the Payop client: " + e.getMessage()));
            }
            if (problems.isEmpty()) {
                return settings;
            }
        }
        throw new PayopConfigurationException(sorted());
    }

    private <T> void read(Setting<T> s, Map<Setting<?>, Object> values) {
        String key = s.key();
        Optional<String> raw = value(key);
        if (raw.isEmpty()) {
            for (Alias alias : s.aliases()) {
                Optional<String> old = value(alias.oldKey());
                if (old.isPresent()) {
                    try {
                        raw = Optional.of(alias.translate().apply(old.get()));
                        key = alias.oldKey();
                    } catch (IllegalArgumentException e) {
                        problem(alias.oldKey(), shown(old.get()) + " " + e.getMessage() + " It is the old name of "
                                + s.key() + ": set that instead (a " + s.type() + ").");
                        return;
                    }
                    break;
                }
            }
        }
        String text = raw.orElse(s.defaultValue().orElse(null));
        if (text == null) {
            return;
        }
        try {
            values.put(s, s.parser().parse(text, this::shown));
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage() + (key.equals(s.key()) ? "" : " (It is the old name of " + s.key() + ".)"));
        }
    }

    private void require(Map<Setting<?>, Object> values, Setting<?> s, String message) {
        if (!values.containsKey(s) && problems.stream().noneMatch(p -> p.key().equals(s.key()))) {
            problem(s.key(), message);
        }
    }

    /** Secure by default: IPNs are confirmed with the API unless the shop says otherwise, in so many words. */
    private void requireTokenForIpn(Map<Setting<?>, Object> values) {
        if (values.containsKey(Setting.JWT_TOKEN) || problems.stream().anyMatch(p -> p.key().equals(
                Setting.JWT_TOKEN.key()) || p.key().equals(Setting.IPN_VERIFY_WITH_API.key()))) {
            return;
        }
        Optional<String> verify = value(Setting.IPN_VERIFY_WITH_API.key());
        if (verify.isEmpty()) {
            problem(Setting.JWT_TOKEN.key(), "missing. Every IPN is confirmed with Payop's API, which needs the JWT"
                    + " token: generate one in the Payop dashboard and set it, preferably as the environment variable"
                    + " PAYOP_JWT_TOKEN. Only where no token can be had, set " + Setting.IPN_VERIFY_WITH_API.key()
                    + "=false explicitly: a forged IPN sent from an allowed address is then accepted.");
        } else if (Boolean.TRUE.equals(values.get(Setting.IPN_VERIFY_WITH_API))) {
            problem(Setting.IPN_VERIFY_WITH_API.key(), "is true, but confirming an IPN with Payop's API needs a JWT"
                    + " token: set " + Setting.JWT_TOKEN.key() + " (a token generated in the Payop dashboard), or set"
                    + " this to false to rely on the source address only.");
        }
    }

    /** The trimmed value; blank counts as unset, as in MicroProfile Config. */
    Optional<String> value(String key) {
        Optional<String> v = source.value(key);
        return v == null ? Optional.empty() : v.map(String::trim).filter(s -> !s.isEmpty());
    }

    /** A value fit to quote in a message: short, printable, and never containing a secret. */
    String shown(String value) {
        for (String secret : secrets) {
            if (secret.length() >= 4 && value.contains(secret)) {
                return "(value not shown: it contains a secret)";
            }
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return "\"" + (printable.length() <= 60 ? printable : printable.substring(0, 60) + "...") + "\"";
    }

    private void problem(String key, String message) {
        ConfigProblem p = new ConfigProblem(key, message);
        if (!problems.contains(p)) {
            problems.add(p);
        }
    }

    /** In the order of {@link Setting#all()}; an old name where its new key is. */
    private List<ConfigProblem> sorted() {
        List<ConfigProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt(p -> position(p.key())));
        return out;
    }

    private static int position(String key) {
        List<Setting<?>> all = Setting.all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).key().equals(key) || all.get(i).oldKeys().contains(key)) {
                return i;
            }
        }
        return all.size();
    }
}
