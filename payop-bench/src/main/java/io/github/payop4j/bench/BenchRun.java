package io.github.payop4j.bench;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ClientBenchmark} once per Jakarta REST implementation, each in JVMs whose class
 * path holds only that implementation, against {@link StubServer} in a JVM of its own, then
 * prints the ratios ({@link Report}).
 *
 * <p>Arguments: {@code smoke|full} and the results directory. System properties (set by the
 * pom): {@code bench.cp.common} (benchmark classes, SDK, APIs, JMH) and {@code bench.cp.<impl>}
 * for each implementation.
 */
public final class BenchRun {

    private static final System.Logger LOG = System.getLogger(BenchRun.class.getName());

    /** The calls the acceptance ratios are about; also run at 8 threads. */
    static final String CORE = "ClientBenchmark\\.(sdk|raw|paired)(InvoiceCreate|TransactionGet)$";
    static final String ALL = "ClientBenchmark\\.";
    static final List<String> IMPLEMENTATIONS = List.of("jersey", "resteasy");

    private BenchRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("smoke") || args[0].equals("full"))) {
            throw new IllegalArgumentException("usage: BenchRun smoke|full <results-dir>");
        }
        boolean full = args[0].equals("full");
        Path out = Path.of(args[1]).toAbsolutePath();
        Path tmp = out.resolve("tmp");
        Files.createDirectories(tmp);
        String common = required("bench.cp.common");
        Machine before = Machine.now();

        Stub stub = startStub(common, tmp);
        Map<String, Path> results = new LinkedHashMap<>();
        try {
            String url = "http://127.0.0.1:" + stub.port();
            LOG.log(Level.INFO, "Stub at " + url + " (pid " + stub.process().pid() + "), mode " + args[0]);
            for (String impl : IMPLEMENTATIONS) {
                String cp = common + File.pathSeparator + required("bench.cp." + impl);
                Path one = out.resolve(impl + "-1-thread.json");
                Path eight = out.resolve(impl + "-8-threads.json");
                jmh(cp, tmp, url, full, ALL, List.of("-t", "1", "-bm", "avgt", "-tu", "us"), one);
                jmh(cp, tmp, url, full, CORE, List.of("-t", "8", "-bm", "thrpt", "-tu", "s"), eight);
                results.put(impl + "/1", one);
                results.put(impl + "/8", eight);
            }
        } finally {
            stopStub(stub);
        }
        Machine after = Machine.now();
        String report = Report.render(results, before, after, full);
        Files.writeString(out.resolve("report.md"), report);
        LOG.log(Level.INFO, "Report written to " + out.resolve("report.md") + "\n" + report);
        if (!Report.complete(results)) {
            LOG.log(Level.ERROR, "Some benchmarks produced no result; see the JMH output above");
            System.exit(1);
        }
        deleteTree(tmp);
    }

    private static void jmh(String cp, Path tmp, String url, boolean full, String include, List<String> mode, Path json)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("org.openjdk.jmh.Main", include));
        args.addAll(mode);
        if (full) {
            args.addAll(List.of("-f", "1", "-wi", "4", "-w", "2s", "-i", "6", "-r", "2s"));
        } else {
            // Proves that everything runs and reports; its numbers mean nothing.
            args.addAll(List.of("-f", "0", "-wi", "0", "-i", "1", "-r", "200ms"));
        }
        args.addAll(List.of("-prof", "gc", "-rf", "json", "-rff", json.toString(),
                "-jvmArgsAppend", "-D" + ClientBenchmark.URL_PROPERTY + "=" + url + " -Djava.io.tmpdir=" + tmp
                        + " -Xms512m -Xmx512m"));
        List<String> props = List.of("-D" + ClientBenchmark.URL_PROPERTY + "=" + url);
        ProcessBuilder pb = java(cp, tmp, props, args.toArray(String[]::new)).inheritIO();
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("JMH exited with " + code + " (" + json.getFileName() + ")");
        }
    }

    /** {@link StubServer} in a JVM of its own, listening on 127.0.0.1:{@code port}. */
    public record Stub(Process process, int port) {
    }

    /** Starts the stub and waits (at most 60 s) for the file in which it writes its port. */
    public static Stub startStub(String classPath, Path tmp) throws IOException, InterruptedException {
        Path portFile = tmp.resolve("stub.port");
        Files.deleteIfExists(portFile);
        Process process = java(classPath, tmp, List.of(), StubServer.class.getName(), portFile.toString())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("The stub did not write its port within 60 s (exit code "
                        + process.exitValue() + "); see its output above");
            }
            Thread.sleep(20);
        }
        return new Stub(process, Integer.parseInt(Files.readString(portFile).trim()));
    }

    public static void stopStub(Stub stub) throws IOException, InterruptedException {
        stub.process().getOutputStream().close(); // the stub exits when its stdin closes
        if (!stub.process().waitFor(10, TimeUnit.SECONDS)) {
            stub.process().destroyForcibly().waitFor();
        }
    }

    private static ProcessBuilder java(String cp, Path tmp, List<String> props, String... mainAndArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.addAll(props);
        cmd.add("-cp");
        cmd.add(cp);
        cmd.addAll(List.of(mainAndArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TMPDIR", tmp.toString());
        return pb;
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + property + " is not set (run through payop-bench's pom)");
        }
        return value;
    }

    /** Deletes {@code dir} and everything in it, if it exists (the stub's, JMH's and WildFly's scratch). */
    public static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** What the numbers depend on: the machine and how busy it was. */
    public record Machine(int cpus, String cpuModel, String jdk, String load) {

        public static Machine now() {
            String model = "unknown";
            String load = "unknown";
            try {
                model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst().orElse(model);
                String[] avg = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
                load = avg[0] + " " + avg[1] + " " + avg[2];
            } catch (IOException | RuntimeException e) {
                // not Linux: leave "unknown"
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), model,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), load);
        }
    }
}
