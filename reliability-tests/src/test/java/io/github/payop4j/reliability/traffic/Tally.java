package io.github.payop4j.reliability.traffic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Answers counted by label ({@code "200 ok"}, {@code "503 retry later"}, ...). Thread-safe. */
public final class Tally {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(String label) {
        counts.computeIfAbsent(label, k -> new LongAdder()).increment();
    }

    public void add(IpnPost.Answer answer) {
        add(answer.label());
    }

    public long get(String label) {
        LongAdder n = counts.get(label);
        return n == null ? 0 : n.sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** How many answers had a status from {@code from} to {@code to} inclusive. */
    public long statusBetween(int from, int to) {
        long n = 0;
        for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
            int status = status(e.getKey());
            if (status >= from && status <= to) {
                n += e.getValue().sum();
            }
        }
        return n;
    }

    /** Answers that were no HTTP answer at all (refused, reset, timed out). */
    public long noAnswer() {
        return statusBetween(-1, -1);
    }

    private static int status(String label) {
        if (label.startsWith("no answer")) {
            return -1;
        }
        try {
            return Integer.parseInt(label.substring(0, 3));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted.toString();
    }
}
