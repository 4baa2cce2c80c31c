package io.github.payop4j.bench.ipn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes the WARs of the IPN load run: the bare servlet, and payop-ipn-servlet on each journal. */
final class Wars {

    // By name: these classes run inside WildFly, and this JVM has no Servlet API to load them.
    private static final String BARE = "io.github.payop4j.bench.ipn.BareIpnServlet";
    private static final String HANDLER = "io.github.payop4j.bench.ipn.CountingIpnHandler";

    private Wars() {
    }

    static Path bare(Path dir) throws IOException {
        String web = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <servlet><servlet-name>bare</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping><servlet-name>bare</servlet-name><url-pattern>/payop/ipn</url-pattern></servlet-mapping>
                </web-app>
                """.formatted(BARE);
        return write(dir.resolve("bare.war"), web, List.of(BARE), List.of(), false);
    }

    /**
     * payop-ipn-servlet with {@link CountingIpnHandler}, confirming every IPN with the stub.
     *
     * @param journal {@code memory} or a JNDI name
     * @param dataSource a {@code <data-source>} element for web.xml, or empty
     */
    static Path ipn(Path dir, String name, String apiUrl, String journal, String dataSource, List<Path> libs)
            throws IOException {
        StringBuilder params = new StringBuilder();
        Map.of("payop.api-url", apiUrl, "payop.jwt-token", "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJpZCI6ImxvYWQifQ.bG9hZA",
                "payop.ipn.allowed-ips", "127.0.0.1", "payop.ipn.journal", journal,
                "payop.ipn.journal.table-prefix", "load_" + name.replace('-', '_') + "_")
                .forEach((k, v) -> params.append("  <context-param><param-name>").append(k)
                        .append("</param-name><param-value>").append(v).append("</param-value></context-param>\n"));
        String web = "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n" + params + dataSource
                + "</web-app>\n";
        return write(dir.resolve(name + ".war"), web, List.of(HANDLER), libs, true);
    }

    private static Path write(Path war, String webXml, List<String> classes, List<Path> libs, boolean handler)
            throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
            entry(zip, "WEB-INF/web.xml", webXml.getBytes(StandardCharsets.UTF_8));
            for (String c : classes) {
                String resource = c.replace('.', '/') + ".class";
                try (InputStream in = Wars.class.getClassLoader().getResourceAsStream(resource)) {
                    entry(zip, "WEB-INF/classes/" + resource, in.readAllBytes());
                }
            }
            if (handler) {
                entry(zip, "WEB-INF/classes/META-INF/services/io.github.payop4j.ipn.IpnHandler",
                        (HANDLER + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Path lib : libs) {
                entry(zip, "WEB-INF/lib/" + lib.getFileName(), Files.readAllBytes(lib));
            }
        }
        return war;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(bytes);
        zip.closeEntry();
    }
}
