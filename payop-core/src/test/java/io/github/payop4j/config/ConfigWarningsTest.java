package io.github.payop4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a deployment is told about its configuration: old keys in use, and names that are no setting. */
class ConfigWarningsTest {

    private static List<String> unknown(String... names) {
        return PayopSettings.warnings(SettingsSource.of(Map.of()), List.of(names));
    }

    /**
     * Issue 10, item 1: with PAYOP_SECRET_KEY / PAYOP_JWT_TOKEN set as the README advises, WildFly's
     * MicroProfile Config lists them as payop.secret.key / payop.jwt.token (and as they are), and the
     * adapter warned "payop.jwt.token is not a payop4j property" although the value was used.
     */
    @Test
    void correctlyNamedEnvironmentVariablesInAnySpellingAreNoUnknownSettings() {
        assertEquals(List.of(), unknown("PAYOP_SECRET_KEY", "PAYOP_JWT_TOKEN", "payop.secret.key", "payop.jwt.token",
                "payop_http_read_timeout", "PAYOP_IPN_MAX_BODY_BYTES", "payop.ipn.max.body.bytes",
                "PAYOP_IPN_JOURNAL_TABLE_PREFIX", "other.property", "PATH", "payop4j.other"));
    }

    @Test
    void typosInAnySpellingAreFoundWithTheClosestKeyOncePerSetting() {
        assertEquals(List.of(
                "PAYOP-CONFIG-002 payop.languge is not a payop4j setting and is ignored (did you mean payop.language?)",
                "PAYOP-CONFIG-002 PAYOP_JWT_TOKN is not a payop4j setting and is ignored (did you mean payop.jwt-token?)",
                "PAYOP-CONFIG-002 payop.completely-other is not a payop4j setting and is ignored"),
                unknown("payop.languge", "PAYOP_JWT_TOKN", "payop.jwt.tokn", "payop.completely-other",
                        "payop.secret-key"));
    }

    @Test
    void everyOldKeyInUseGetsOneWarningNamingItsReplacement() {
        Map<String, String> old = Map.of(
                "payop.ipn.journal", "memory",
                "payop.ipn.journal.table-prefix", "ledger_ipn_",
                "payop.ipn.lease-seconds", "90",
                "payop.ipn.api-timeout-seconds", "5");
        assertEquals(List.of(
                "PAYOP-CONFIG-001 payop.ipn.api-timeout-seconds is an old name: read as payop.http.connect-timeout=5s"
                        + " and payop.http.read-timeout=5s. Rename it; old names are accepted for this release only.",
                "PAYOP-CONFIG-001 payop.ipn.journal is an old name: read as payop.ipn.datasource=none. Rename it;"
                        + " old names are accepted for this release only.",
                "PAYOP-CONFIG-001 payop.ipn.journal.table-prefix is an old name: read as"
                        + " payop.ipn.table-prefix=ledger_ipn_. Rename it; old names are accepted for this release only.",
                "PAYOP-CONFIG-001 payop.ipn.lease-seconds is an old name: read as payop.ipn.lease=90s. Rename it;"
                        + " old names are accepted for this release only."),
                PayopSettings.warnings(SettingsSource.of(old), old.keySet()));
    }

    @Test
    void whenTheNewKeyIsSetTooTheWarningSaysItWins() {
        Map<String, String> both = Map.of(
                "payop.ipn.api-timeout-seconds", "5",
                "payop.http.read-timeout", "20s",
                "payop.ipn.journal", "java:comp/env/jdbc/shop",
                "payop.ipn.datasource", "java:app/jdbc/shop");
        assertEquals(List.of(
                "PAYOP-CONFIG-001 payop.ipn.api-timeout-seconds is an old name: read as payop.http.connect-timeout=5s."
                        + " Rename it; payop.http.read-timeout is set too and wins over it; old names are accepted for"
                        + " this release only.",
                "PAYOP-CONFIG-001 payop.ipn.journal is an old name and is ignored: payop.ipn.datasource is set too and"
                        + " wins. Remove it; old names are accepted for this release only."),
                PayopSettings.warnings(SettingsSource.of(both), List.of()));
    }
}
