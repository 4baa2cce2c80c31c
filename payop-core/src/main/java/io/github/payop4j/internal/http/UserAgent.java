package io.github.payop4j.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code User-Agent} of every request: {@code payop4j/<release> Java/<feature> [appInfo]}.
 *
 * <p>The release comes from a resource the build writes into this jar, not from the manifest:
 * {@code Package.getImplementationVersion()} is empty on the module path and depends on how an
 * application server's class loader defines packages, while a resource next to this class is
 * found the same way everywhere (class path, module path, WildFly, Payara, a shaded jar).
 */
public final class UserAgent {

    private static final String RESOURCE = "payop4j.properties";
    private static final String VERSION = readVersion();

    private UserAgent() {
    }

    public static String of(String appInfo) {
        String agent = "payop4j/" + VERSION + " Java/" + Runtime.version().feature();
        return appInfo == null ? agent : agent + " " + appInfo;
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            // An unfiltered copy (an IDE that skips resource filtering) still says ${project.version}.
            return v.isEmpty() || v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + " from payop-core", e);
        }
    }
}
