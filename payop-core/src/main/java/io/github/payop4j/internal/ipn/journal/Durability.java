package io.github.payop4j.internal.ipn.journal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a database, by its JDBC URL, outlives a restart of the JVM that uses it. Two servers'
 * default DataSources do not: WildFly's ExampleDS is an H2 database in memory, and Payara Micro
 * keeps its {@code jdbc/__default} H2 file in a new directory under the temporary directory at
 * every start unless it is given {@code --rootdir}.
 */
final class Durability {

    private Durability() {
    }

    /** What makes the database forget on restart, for a log line (the URL without its parameters), or null. */
    static String problem(String url, String tmpDir) {
        if (url == null) {
            return null;
        }
        String shown = withoutParameters(url);
        if (isInMemory(url)) {
            return "it is in memory (" + shown + "), as WildFly's default DataSource (ExampleDS) is";
        }
        if (inDirectory(shown, tmpDir)) {
            return "its files are in the JVM's temporary directory (" + shown + "), where Payara Micro keeps its"
                    + " default DataSource unless started with --rootdir";
        }
        return null;
    }

    /** H2, HSQLDB, Derby and SQLite databases that live only in the JVM (or H2 server) that holds them. */
    static boolean isInMemory(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            String rest = u.substring("jdbc:h2:".length());
            return rest.startsWith("mem:") || rest.contains("/mem:"); // also tcp://host/mem:name
        }
        if (u.startsWith("jdbc:sqlite:")) {
            String rest = u.substring("jdbc:sqlite:".length());
            return rest.isEmpty() || rest.startsWith(":memory:") || rest.contains("mode=memory");
        }
        return u.startsWith("jdbc:hsqldb:mem:") || u.startsWith("jdbc:derby:memory:");
    }

    /** Whether an embedded database's path in the URL lies under {@code dir} (never for a server's URL). */
    static boolean inDirectory(String url, String dir) {
        if (dir == null || url.contains("://")) {
            return false;
        }
        String root;
        try {
            root = Path.of(dir).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return false;
        }
        if (root.length() <= 1) {
            return false; // a temporary directory of "/" says nothing
        }
        int at = url.indexOf(root);
        if (at < 0) {
            return false;
        }
        int after = at + root.length();
        // Right after the URL's prefix (jdbc:h2:, file:, derby: ...), and a whole directory name.
        return at > 0 && url.charAt(at - 1) == ':'
                && (after == url.length() || url.charAt(after) == '/' || url.charAt(after) == '\\');
    }

    /** The URL up to its parameters (which may hold a password), without any user information. */
    static String withoutParameters(String url) {
        int end = url.length();
        for (char stop : new char[] {';', '?', '&'}) {
            int i = url.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return url.substring(0, end).replaceAll("//[^/@]*@", "//");
    }
}
