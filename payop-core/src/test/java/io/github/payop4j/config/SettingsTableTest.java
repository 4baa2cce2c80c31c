package io.github.payop4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * README.md has one configuration table, and it is {@link Setting#all()}: a setting without a
 * row, a row without a setting, or a row whose type, default, roles or description differ from
 * the model fails here, with the table as it should read.
 */
class SettingsTableTest {

    private static final String TABLE_MARKER = "<!-- configuration table: checked against";
    private static final String RENAMED_MARKER = "<!-- renamed keys: checked by SettingsTableTest";
    private static final String HEADER = "| key | type | default | used by | what it does |";

    private static List<String> readme() throws IOException {
        return Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    }

    /** The rows of the markdown table that follows the marker, header and separator skipped. */
    private static List<List<String>> table(List<String> readme, String marker) {
        int at = -1;
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith(marker)) {
                assertEquals(-1, at, "README.md has two blocks marked " + marker);
                at = i;
            }
        }
        assertTrue(at >= 0, "README.md has no block marked " + marker);
        List<List<String>> rows = new ArrayList<>();
        for (int i = at + 3; i < readme.size() && readme.get(i).startsWith("|"); i++) {
            String line = readme.get(i);
            rows.add(List.of(line.substring(1, line.length() - 1).split("\\|", -1)).stream().map(String::trim)
                    .toList());
        }
        return rows;
    }

    /** Markdown tables with a "default" column whose first column names payop.* keys. */
    private static long settingsTables(List<String> readme) {
        long count = 0;
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith("|") && (i == 0 || !readme.get(i - 1).startsWith("|"))
                    && readme.get(i).contains("default") && i + 2 < readme.size()
                    && readme.get(i + 2).startsWith("| `payop.")) {
                count++;
            }
        }
        return count;
    }

    static String row(Setting<?> s) {
        String roles = s.roles().size() == Role.values().length ? "both"
                : s.roles().contains(Role.CHECKOUT) ? "checkout" : "IPN";
        return "| `" + s.key() + "` | " + s.type() + " | " + s.defaultValue().map(d -> "`" + d + "`").orElse("none")
                + " | " + roles + " | " + s.description() + " |";
    }

    static String expectedTable() {
        return HEADER + "\n|---|---|---|---|---|\n"
                + Setting.all().stream().map(SettingsTableTest::row).collect(Collectors.joining("\n"));
    }

    @Test
    void theReadmeHasOneConfigurationTableAndItIsTheSettingsModel() throws IOException {
        List<String> readme = readme();
        assertEquals(1, settingsTables(readme), "one table of payop.* settings with their defaults");
        List<List<String>> rows = table(readme, TABLE_MARKER);
        Map<String, String> actual = new LinkedHashMap<>();
        for (List<String> cells : rows) {
            actual.put(cells.get(0).replace("`", ""), "| " + String.join(" | ", cells) + " |");
        }
        List<String> problems = new ArrayList<>();
        for (Setting<?> s : Setting.all()) {
            String line = actual.remove(s.key());
            if (line == null) {
                problems.add(s.key() + " is a setting without a row");
            } else if (!line.equals(row(s))) {
                problems.add(s.key() + " differs from the model:\n    README: " + line + "\n    model:  " + row(s));
            }
        }
        actual.keySet().forEach(k -> problems.add(k + " is a row that names no setting"));
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\n\nThe table should read:\n\n" + expectedTable() + "\n");
        }
        List<String> order = rows.stream().map(r -> r.get(0).replace("`", "")).toList();
        assertEquals(Setting.all().stream().map(Setting::key).toList(), order, "rows in the order of Setting.all()");
        int header = readme.indexOf(HEADER);
        assertTrue(header > 0 && readme.get(header - 1).startsWith(TABLE_MARKER), "the header follows the marker");
    }

    @Test
    void theRenamedKeysNoteListsEveryOldKeyWithItsReplacement() throws IOException {
        Map<String, Set<String>> model = new LinkedHashMap<>();
        for (Setting<?> s : Setting.all()) {
            s.oldKeys().forEach(old -> model.computeIfAbsent(old, k -> new TreeSet<>()).add(s.key()));
        }
        Map<String, Set<String>> readme = new LinkedHashMap<>();
        for (List<String> cells : table(readme(), RENAMED_MARKER)) {
            readme.put(firstKey(cells.get(0)), keys(cells.get(1)));
        }
        assertEquals(new TreeSet<>(model.keySet()), new TreeSet<>(readme.keySet()), "old keys");
        model.forEach((old, news) -> assertEquals(news, readme.get(old), old + " is replaced by"));
    }

    private static String firstKey(String cell) {
        return keys(cell).iterator().next();
    }

    /** The backticked {@code payop.*} names in a cell. */
    private static Set<String> keys(String cell) {
        Set<String> out = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`(payop\\.[a-z.-]+)`").matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyDefaultIsAValidValueAndEveryKeyIsUnique() {
        assertEquals(Setting.all().size(), Setting.all().stream().map(Setting::key).distinct().count());
        // Reading nothing with no role parses every default: a default the parser refuses fails here.
        PayopSettings defaults = PayopSettings.read(SettingsSource.of(Map.of()));
        assertTrue(defaults.toString().startsWith("PayopSettings["), defaults.toString());
        for (Setting<?> s : Setting.all()) {
            assertTrue(s.key().startsWith("payop."), s.key());
            assertTrue(!s.description().contains("|"), s.key() + ": a pipe would break the README table");
            assertEquals(s.key().toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'),
                    s.environmentVariable());
        }
    }
}
