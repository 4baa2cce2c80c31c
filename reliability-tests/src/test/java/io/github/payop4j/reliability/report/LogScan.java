package io.github.payop4j.reliability.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A grep of server logs for the configured secrets: every line of every file, read as UTF-8
 * with bad bytes replaced (a log may hold a fuzzed body's bytes).
 */
public final class LogScan {

    /** @param hits lines containing each secret, by the secret's name (never its value) */
    public record Result(int files, long bytes, Map<String, Long> hits) {
        public long totalHits() {
            return hits.values().stream().mapToLong(Long::longValue).sum();
        }

        public String describe() {
            return files + " files, " + String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6) + ", hits "
                    + hits;
        }
    }

    private LogScan() {
    }

    /** @param secrets by name: the value to look for (never printed) */
    public static Result scan(Collection<Path> files, Map<String, String> secrets) {
        Map<String, Long> hits = new LinkedHashMap<>();
        secrets.keySet().forEach(k -> hits.put(k, 0L));
        long bytes = 0;
        for (Path file : files) {
            try {
                bytes += Files.size(file);
                try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        for (Map.Entry<String, String> s : secrets.entrySet()) {
                            if (line.contains(s.getValue())) {
                                hits.merge(s.getKey(), 1L, Long::sum);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Result(files.size(), bytes, hits);
    }
}
