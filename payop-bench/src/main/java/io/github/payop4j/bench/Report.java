package io.github.payop4j.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results into the ratio table of docs/PERFORMANCE.md. The targets are those of
 * issue 12: SDK time per call at most 1.15x the raw call on the same implementation (1 thread),
 * throughput at 8 threads at least 0.85x, allocation per call at most 1.5x. Time and throughput
 * are judged on the paired benchmarks ({@link ClientBenchmark.Pair}).
 */
final class Report {

    static final double MAX_TIME = 1.15;
    static final double MIN_THROUGHPUT = 0.85;
    static final double MAX_ALLOC = 1.5;

    private Report() {
    }

    /** One benchmark's primary score, allocation per call and the paired benchmarks' two sums. */
    record Score(double value, double error, double bytesPerOp, double sdkNanos, double rawNanos) {

        /** SDK time / raw time of a paired benchmark. */
        double pairedRatio() {
            return sdkNanos / rawNanos;
        }
    }

    static String render(Map<String, Path> results, BenchRun.Machine before, BenchRun.Machine after, boolean full) {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(before.cpus()).append(" CPUs (").append(before.cpuModel()).append("), ")
                .append(before.jdk()).append("; load average (1/5/15 min) ").append(before.load())
                .append(" before, ").append(after.load()).append(" after.\n");
        if (!full) {
            md.append("SMOKE RUN (one short iteration, no fork): proves the benchmarks run; the numbers mean nothing.\n");
        }
        md.append('\n')
                .append("| implementation | call | µs/call SDK | µs/call raw | time ratio, paired (≤ ").append(MAX_TIME)
                .append(") | time ratio, separate runs | calls/s SDK, 8 thr | calls/s raw, 8 thr | throughput ratio, paired (≥ ")
                .append(MIN_THROUGHPUT).append(") | throughput ratio, separate runs | B/call SDK | B/call raw | alloc ratio (≤ ")
                .append(MAX_ALLOC).append(") |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder extra = new StringBuilder();
        for (String impl : BenchRun.IMPLEMENTATIONS) {
            Map<String, Score> one = read(results.get(impl + "/1"));
            Map<String, Score> eight = read(results.get(impl + "/8"));
            row(md, impl, "invoice create (POST)", one, eight, "InvoiceCreate", full);
            row(md, impl, "transaction get (GET)", one, eight, "TransactionGet", full);
            Score chunked = one.get("rawInvoiceCreateChunked");
            Score fresh = one.get("rawInvoiceCreateChunkedFreshConnection");
            Score money = one.get("sdkCheckoutCreate");
            Score raw = one.get("rawInvoiceCreate");
            if (chunked != null && fresh != null && money != null && raw != null) {
                extra.append("| ").append(impl).append(" | ").append(us(raw))
                        .append(" | ").append(us(chunked)).append(" (").append(ratio(chunked.value() / raw.value()))
                        .append(") | ").append(us(fresh)).append(" (").append(ratio(fresh.value() / raw.value()))
                        .append(") | ").append(us(money)).append(" (").append(ratio(money.value() / raw.value()))
                        .append(") |\n");
            }
        }
        md.append('\n')
                .append("Making a POST unrepeatable (1 thread, µs per call and × the buffered raw POST above):\n\n")
                .append("| implementation | raw POST, buffered | raw POST, chunked | raw POST, chunked, new connection each time | SDK checkout create (money: chunked) |\n")
                .append("|---|---|---|---|---|\n")
                .append(extra);
        return md.toString();
    }

    private static void row(StringBuilder md, String impl, String call, Map<String, Score> one,
            Map<String, Score> eight, String name, boolean full) {
        Score s1 = one.get("sdk" + name);
        Score r1 = one.get("raw" + name);
        Score p1 = one.get("paired" + name);
        Score s8 = eight.get("sdk" + name);
        Score r8 = eight.get("raw" + name);
        Score p8 = eight.get("paired" + name);
        if (s1 == null || r1 == null || p1 == null || s8 == null || r8 == null || p8 == null) {
            md.append("| ").append(impl).append(" | ").append(call).append(" | missing results |||||||||||\n");
            return;
        }
        // The verdicts use the paired benchmarks (both calls under the same load); the separate
        // runs give the absolute figures, the allocation, and a second opinion.
        double time = p1.pairedRatio();
        double throughput = 1 / p8.pairedRatio();
        double alloc = s1.bytesPerOp() / r1.bytesPerOp();
        md.append("| ").append(impl).append(" | ").append(call)
                .append(" | ").append(us(s1)).append(" | ").append(us(r1))
                .append(" | ").append(verdict(time, time <= MAX_TIME, full))
                .append(" | ").append(ratio(s1.value() / r1.value()))
                .append(" | ").append(fmt(s8.value(), 0)).append(" | ").append(fmt(r8.value(), 0))
                .append(" | ").append(verdict(throughput, throughput >= MIN_THROUGHPUT, full))
                .append(" | ").append(ratio(s8.value() / r8.value()))
                .append(" | ").append(fmt(s1.bytesPerOp(), 0)).append(" | ").append(fmt(r1.bytesPerOp(), 0))
                .append(" | ").append(verdict(alloc, alloc <= MAX_ALLOC, full)).append(" |\n");
    }

    /** Whether every benchmark of every run reported a score. */
    static boolean complete(Map<String, Path> results) {
        for (String impl : BenchRun.IMPLEMENTATIONS) {
            Map<String, Score> one = read(results.get(impl + "/1"));
            Map<String, Score> eight = read(results.get(impl + "/8"));
            if (one.size() < 9 || eight.size() < 6) {
                return false;
            }
        }
        return true;
    }

    static Map<String, Score> read(Path json) {
        Map<String, Score> out = new HashMap<>();
        if (json == null || !Files.exists(json)) {
            return out;
        }
        JsonArray runs;
        try (Reader in = Files.newBufferedReader(json); JsonReader reader = Json.createReader(in)) {
            runs = reader.readArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + json, e);
        }
        for (JsonValue v : runs) {
            JsonObject run = v.asJsonObject();
            String name = run.getString("benchmark");
            name = name.substring(name.lastIndexOf('.') + 1);
            JsonObject primary = run.getJsonObject("primaryMetric");
            JsonObject alloc = run.getJsonObject("secondaryMetrics").getJsonObject("gc.alloc.rate.norm");
            JsonObject sdk = run.getJsonObject("secondaryMetrics").getJsonObject("sdkNanos");
            JsonObject raw = run.getJsonObject("secondaryMetrics").getJsonObject("rawNanos");
            out.put(name, new Score(number(primary, "score"), number(primary, "scoreError"),
                    alloc == null ? Double.NaN : number(alloc, "score"),
                    sdk == null ? Double.NaN : number(sdk, "score"), raw == null ? Double.NaN : number(raw, "score")));
        }
        return out;
    }

    private static double number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        // JMH writes "NaN" as a string when a score has no error bar (one iteration).
        return v instanceof jakarta.json.JsonNumber n ? n.doubleValue() : Double.NaN;
    }

    private static String us(Score s) {
        return Double.isNaN(s.error()) ? fmt(s.value(), 1) : fmt(s.value(), 1) + " ± " + fmt(s.error(), 1);
    }

    private static String verdict(double ratio, boolean ok, boolean full) {
        return ratio(ratio) + (full ? (ok ? " ok" : " **MISSED**") : "");
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
