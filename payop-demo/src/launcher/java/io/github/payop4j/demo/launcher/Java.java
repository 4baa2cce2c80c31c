package io.github.payop4j.demo.launcher;

import java.nio.file.Path;

/** The JVM that runs the launcher also runs the servers. */
final class Java {

    private Java() {
    }

    static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String home() {
        return System.getProperty("java.home");
    }
}
