package io.github.payop4j.demo.launcher;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An application server in its own process, its output in a log file (the console stays for the
 * demo's own lines). Stopping it stops its whole process tree: {@code standalone.sh} starts a JVM
 * of its own.
 */
final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path log) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(environment);
        try {
            return new ServerProcess(name, pb.start(), log);
        } catch (IOException e) {
            throw new DemoException("Cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    /**
     * Waits until {@code url} answers 200. Fails early if the process ends or {@code failure}
     * reports a failed deployment, with the end of the log.
     */
    void awaitReady(URI url, Duration timeout, Supplier<Optional<String>> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DemoException(name + " stopped while starting (exit code " + process.exitValue() + ")."
                        + tail());
            }
            Optional<String> failed = failure.get();
            if (failed.isPresent()) {
                throw new DemoException(failed.get() + tail());
            }
            if (answers200(url)) {
                return;
            }
            sleep(250);
        }
        throw new DemoException(name + " did not serve " + url + " within " + timeout.toSeconds() + " s." + tail());
    }

    private static boolean answers200(URI url) {
        try {
            HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            c.setInstanceFollowRedirects(false);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of the log, for an error message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 25), lines.size());
            return "\nLast lines of " + log + ":\n  " + String.join("\n  ", last);
        } catch (IOException e) {
            return "\nSee " + log;
        }
    }

    /** Asks the whole tree to stop (SIGTERM), then kills what is left after 30 s. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>();
        process.toHandle().descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("Interrupted while waiting for the server");
        }
    }
}
