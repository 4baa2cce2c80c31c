package io.github.payop4j.it.support;

import io.github.payop4j.it.webshop.Faults;
import io.github.payop4j.it.webshop.PaymentObserver;
import io.github.payop4j.it.webshop.ShopDatabase;
import io.github.payop4j.it.webshop.ShopOrder;
import io.github.payop4j.it.webshop.ShopPayopOrders;
import io.github.payop4j.it.webshop.ShopResource;
import io.github.payop4j.it.webshop.ShopService;
import io.github.payop4j.it.webshop.WebshopApplication;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
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
        return fromClassPath("io/github/payop4j/PayopClient.class", "payop-core.jar");
    }

    /** payop-jaxrs-adapter from the test class path, as {@link #payopCore()}. */
    public static JavaArchive jaxrsAdapter() {
        return fromClassPath("io/github/payop4j/jaxrs/PayopOrders.class", "payop-jaxrs-adapter.jar");
    }

    /** payop-ipn-servlet from the test class path, as {@link #payopCore()}. */
    public static JavaArchive ipnServlet() {
        return fromClassPath("io/github/payop4j/ipn/servlet/PayopIpnServlet.class", "payop-ipn-servlet.jar");
    }

    /** The PostgreSQL JDBC driver from the test class path. */
    public static JavaArchive postgresDriver() {
        return fromClassPath("org/postgresql/Driver.class", "postgresql.jar");
    }

    /** The jar (or classes directory) on the test class path that holds {@code resource}. */
    public static JavaArchive fromClassPath(String resource, String name) {
        URL url = Wars.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the test class path");
        }
        try {
            if (url.getProtocol().equals("jar")) {
                String spec = url.getPath(); // file:/.../x.jar!/io/github/...
                File jar = new File(new URL(spec.substring(0, spec.indexOf("!/"))).toURI());
                return ShrinkWrap.createFromZipFile(JavaArchive.class, jar);
            }
            Path classes = Path.of(url.toURI());
            for (int i = resource.split("/").length; i > 0; i--) {
                classes = classes.getParent();
            }
            return ShrinkWrap.create(ExplodedImporter.class, name)
                    .importDirectory(classes.toFile()).as(JavaArchive.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The three payop4j modules in WEB-INF/lib, a CDI {@code beans.xml}, the MicroProfile Config
     * properties {@code config} (the adapter's) and a {@code web.xml} whose context parameters
     * are {@code contextParams} (the IPN servlet's settings).
     */
    public static WebArchive withPayop4j(String name, Map<String, String> config, Map<String, String> contextParams) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addAsLibraries(payopCore(), jaxrsAdapter(), ipnServlet())
                .addAsResource(new StringAsset(properties(config)), CONFIG)
                .setWebXML(new StringAsset(webXml(contextParams)))
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml");
    }

    /**
     * The webshop (it-tests/src/main, package webshop) on the three modules, configured by
     * {@code config}: orders in the server's default DataSource unless {@code shop.datasource} says
     * otherwise. Add {@code PostgresShopDataSource} for PostgreSQL; it is never added here.
     */
    public static WebArchive webshop(String name, Map<String, String> config) {
        return withPayop4j(name, config, Map.of()).addClasses(WebshopApplication.class, ShopResource.class,
                ShopService.class, ShopDatabase.class, ShopOrder.class, ShopPayopOrders.class, Faults.class,
                PaymentObserver.class);
    }

    /** An empty WAR with payop-core in WEB-INF/lib and the given MicroProfile Config properties. */
    public static WebArchive withPayopCore(String name, Map<String, String> config) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addAsLibrary(payopCore())
                .addAsResource(new StringAsset(properties(config)), CONFIG);
    }

    /**
     * A CDI-free WAR: payop-core and payop-ipn-servlet in WEB-INF/lib, the servlet configured by
     * the context parameters {@code contextParams} of a generated {@code web.xml}.
     */
    public static WebArchive withIpnServlet(String name, Map<String, String> contextParams) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addAsLibraries(payopCore(), ipnServlet())
                .setWebXML(new StringAsset(webXml(contextParams)));
    }

    /** A web.xml with these context parameters and {@code extra} (for example a data-source) inside web-app. */
    public static String webXml(Map<String, String> contextParams, String extra) {
        return webXml(contextParams).replace("</web-app>", extra + "</web-app>");
    }

    private static String webXml(Map<String, String> contextParams) {
        StringBuilder params = new StringBuilder();
        new TreeMap<>(contextParams).forEach((k, v) -> params.append("  <context-param><param-name>").append(k)
                .append("</param-name><param-value>").append(v).append("</param-value></context-param>\n"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n" + params
                + "</web-app>\n";
    }

    /** A properties file's text (as {@code META-INF/microprofile-config.properties}) of {@code config}. */
    public static String properties(Map<String, String> config) {
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
