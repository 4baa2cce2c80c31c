package io.github.payop4j.reliability.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The webshop WAR the suite deploys: it-tests' webshop (its classes taken from the it-tests
 * artifact, so there is one source of truth), the three payop4j modules in {@code WEB-INF/lib}
 * as this reactor built them, {@code microprofile-config.properties} from the given map and,
 * for PostgreSQL, a {@code <data-source>} in {@code web.xml} (so the port can be chosen at run
 * time) with the JDBC driver in the WAR. Only server-side classes go in: no test class, no
 * WireMock.
 */
public final class ShopWar {

    /** The JNDI name of the shop's PostgreSQL DataSource (orders and, when configured, the journal). */
    public static final String POSTGRES_JNDI = "java:app/jdbc/shop";

    private static final String WEBSHOP = "io/github/payop4j/it/webshop/";
    private static final String SUITE_SHOP = "io/github/payop4j/reliability/shop/";

    private final String name;
    private final Map<String, String> config = new LinkedHashMap<>();
    private int postgresPort;
    private String postgresDatabase;
    private boolean payablesOnly;

    private ShopWar(String name) {
        this.name = name;
    }

    /** A WAR file named {@code <context>.war}: the shop then lives at {@code /<context>/}. */
    public static ShopWar named(String context) {
        return new ShopWar(context + ".war");
    }

    public ShopWar config(Map<String, String> values) {
        config.putAll(values);
        return this;
    }

    public ShopWar config(String key, String value) {
        config.put(key, value);
        return this;
    }

    /**
     * Orders (and, with {@link #journalInPostgres()}, the journal) in this PostgreSQL database.
     * Shops deployed side by side get databases of their own: each seeds its tables at start-up.
     */
    public ShopWar postgres(int port, String database) {
        postgresPort = port;
        postgresDatabase = database;
        config.put("shop.datasource", POSTGRES_JNDI);
        return this;
    }

    /** The IPN journal in the shop's PostgreSQL DataSource, in the orders' transactions. */
    public ShopWar journalInPostgres() {
        config.put("payop.ipn.datasource", POSTGRES_JNDI);
        return this;
    }

    /** The IPN lookup of the old contract, with lookups counted (see PayablesOnlyOrders). */
    public ShopWar payablesOnlyLookup() {
        payablesOnly = true;
        return this;
    }

    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Path war = dir.resolve(name);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
                put(zip, "WEB-INF/web.xml", webXml().getBytes(StandardCharsets.UTF_8));
                put(zip, "WEB-INF/beans.xml", ("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                        + " bean-discovery-mode=\"annotated\"/>\n").getBytes(StandardCharsets.UTF_8));
                put(zip, "WEB-INF/classes/META-INF/microprofile-config.properties", properties());
                // The generated PostgresShopDataSource carries it-tests' own port: this WAR declares its own.
                addClasses(zip, "io/github/payop4j/it/webshop/ShopPayopOrders.class", WEBSHOP,
                        entry -> !entry.contains("PostgresShopDataSource"));
                if (payablesOnly) {
                    addClasses(zip, "io/github/payop4j/reliability/shop/PayablesOnlyOrders.class", SUITE_SHOP,
                            entry -> true);
                }
                addLibrary(zip, "io/github/payop4j/PayopClient.class", "payop-core.jar");
                addLibrary(zip, "io/github/payop4j/jaxrs/PayopOrders.class", "payop-jaxrs-adapter.jar");
                addLibrary(zip, "io/github/payop4j/ipn/servlet/PayopIpnServlet.class", "payop-ipn-servlet.jar");
                if (postgresPort > 0) {
                    addLibrary(zip, "org/postgresql/Driver.class", "postgresql.jar");
                }
            }
            return war;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String webXml() {
        String dataSource = postgresPort == 0 ? "" : """
                  <data-source>
                    <name>%s</name>
                    <class-name>org.postgresql.ds.PGSimpleDataSource</class-name>
                    <server-name>127.0.0.1</server-name>
                    <port-number>%d</port-number>
                    <database-name>%s</database-name>
                    <user>postgres</user>
                    <password>unused-trust-auth</password>
                    <transactional>true</transactional>
                    <max-pool-size>40</max-pool-size>
                  </data-source>
                """.formatted(POSTGRES_JNDI, postgresPort, postgresDatabase);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n" + dataSource
                + "</web-app>\n";
    }

    private byte[] properties() throws IOException {
        Properties p = new Properties();
        p.putAll(config);
        StringWriter out = new StringWriter();
        p.store(out, "written by the reliability suite");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Every class file in {@code pkg} of the jar or directory that holds {@code probe}. */
    private static void addClasses(ZipOutputStream zip, String probe, String pkg, Predicate<String> keep)
            throws IOException {
        Path origin = origin(probe);
        if (Files.isDirectory(origin)) {
            try (Stream<Path> files = Files.list(origin.resolve(pkg))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String entry = pkg + f.getFileName();
                    if (keep.test(entry)) {
                        put(zip, "WEB-INF/classes/" + entry, Files.readAllBytes(f));
                    }
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(origin.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                String n = entry.getName();
                if (n.startsWith(pkg) && n.endsWith(".class") && n.indexOf('/', pkg.length()) < 0 && keep.test(n)) {
                    entries.add(entry);
                }
            }
            for (ZipEntry entry : entries) {
                try (InputStream in = jar.getInputStream(entry)) {
                    put(zip, "WEB-INF/classes/" + entry.getName(), in.readAllBytes());
                }
            }
        }
    }

    /** The jar holding {@code probe} into WEB-INF/lib; a classes directory (an IDE run) is jarred first. */
    private static void addLibrary(ZipOutputStream zip, String probe, String jarName) throws IOException {
        Path origin = origin(probe);
        byte[] bytes = Files.isDirectory(origin) ? jar(origin) : Files.readAllBytes(origin);
        put(zip, "WEB-INF/lib/" + jarName, bytes);
    }

    private static byte[] jar(Path classes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream jar = new ZipOutputStream(buffer); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                put(jar, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return buffer.toByteArray();
    }

    /** The class-path root (jar or directory) that holds a resource. */
    private static Path origin(String probe) {
        URL url = ShopWar.class.getClassLoader().getResource(probe);
        if (url == null) {
            throw new IllegalStateException(probe + " is not on the test class path");
        }
        try {
            if (url.getProtocol().equals("jar")) {
                String spec = url.getPath();
                return Path.of(new URL(spec.substring(0, spec.indexOf("!/"))).toURI());
            }
            Path p = Path.of(url.toURI());
            for (int i = probe.split("/").length; i > 0; i--) {
                p = p.getParent();
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ZipOutputStream zip, String entry, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        OutputStream out = zip;
        out.write(bytes);
        zip.closeEntry();
    }
}
