package io.github.payop4j.reliability.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario's figures: printed to the build's output as they are, and appended to
 * {@code target/reliability/figures.md} (with the time and the machine's load) for docs/TESTING.md.
 */
public final class Figures {

    private final String scenario;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Figures(String scenario) {
        this.scenario = scenario;
    }

    public static Figures of(String scenario) {
        return new Figures(scenario);
    }

    public Figures put(String name, Object value) {
        values.put(name, value instanceof Duration d ? seconds(d) : value);
        return this;
    }

    /** Prints and records the figures; call before asserting, so a failing run still shows them. */
    public void report() {
        StringBuilder text = new StringBuilder("[reliability] ").append(scenario).append('\n');
        values.forEach((k, v) -> text.append("    ").append(k).append(": ").append(v).append('\n'));
        System.out.print(text);
        System.out.flush();
        StringBuilder md = new StringBuilder("| ").append(scenario).append(" | ");
        values.forEach((k, v) -> md.append(k).append(' ').append(v).append("; "));
        md.append("| ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", load ").append(load())
                .append(" |\n");
        Path file = Path.of(System.getProperty("rel.work", "target/reliability")).resolve("figures.md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** The 1-minute load average (Linux), or "?". */
    public static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
