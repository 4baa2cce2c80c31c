package io.github.payop4j.it.support;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Building blocks of the test WARs. Only server-side classes (src/main) go into a WAR. */
public final class Wars {

    private static final String CONFIG = "META-INF/microprofile-config.properties";

    private Wars() {
    }

    /**
     * payop-core as the tests' class path has it: the jar built in this reactor (or installed),
     * or its classes directory when run from an IDE. Never resolved from a remote repository.
     */
    public static JavaArchive payopCore() {
        URL url = Wars.class.getClassLoader().getResource("io/github/payop4j/PayopClient.class");
        if (url == null) {
            throw new IllegalStateException("payop-core is not on the test class path");
        }
        try {
            if (url.getProtocol().equals("jar")) {
                String spec = url.getPath(); // file:/.../payop-core-x.jar!/io/github/...
                File jar = new File(new URL(spec.substring(0, spec.indexOf("!/"))).toURI());
                return ShrinkWrap.createFromZipFile(JavaArchive.class, jar);
            }
            Path classes = Path.of(url.toURI()).getParent().getParent().getParent().getParent();
            return ShrinkWrap.create(ExplodedImporter.class, "payop-core.jar")
                    .importDirectory(classes.toFile()).as(JavaArchive.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty WAR with payop-core in WEB-INF/lib and the given MicroProfile Config properties. */
    public static WebArchive withPayopCore(String name, Map<String, String> config) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addAsLibrary(payopCore())
                .addAsResource(new StringAsset(properties(config)), CONFIG);
    }

    private static String properties(Map<String, String> config) {
        Properties p = new Properties();
        p.putAll(config);
        StringWriter out = new StringWriter();
        try {
            p.store(out, "written by the test before deployment");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
