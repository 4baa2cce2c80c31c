package io.github.payop4j.it.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The README's Jakarta EE quick start as files: its Java blocks of the shop's package compiled
 * (in the test JVM, against the test class path), its MicroProfile Config properties and its
 * "Pay" button page. Nothing is rewritten: what the README says is what is deployed.
 */
public final class Readme {

    private static final Pattern FENCE = Pattern.compile("(?m)^```([A-Za-z0-9_-]*)\\n(.*?)^```\\s*$", Pattern.DOTALL);
    private static final String CONFIG_FILE = "# src/main/resources/META-INF/microprofile-config.properties";

    private final List<String[]> blocks = new ArrayList<>();

    private Readme(String text) {
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            blocks.add(new String[] {m.group(1), m.group(2)});
        }
    }

    /** README.md of the project (it-tests runs in its module directory). */
    public static Readme read() {
        try {
            return new Readme(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java blocks declaring {@code package <pkg>;}. */
    public List<String> javaBlocks(String pkg) {
        return blocks.stream().filter(b -> b[0].equals("java") && b[1].startsWith("package " + pkg + ";"))
                .map(b -> b[1]).toList();
    }

    /** The properties block that starts with the microprofile-config.properties comment. */
    public Map<String, String> microprofileConfig() {
        String block = blocks.stream().filter(b -> b[0].equals("properties") && b[1].startsWith(CONFIG_FILE))
                .map(b -> b[1]).findFirst().orElseThrow(() -> new IllegalStateException("README has no block starting "
                        + CONFIG_FILE));
        Properties p = new Properties();
        try {
            p.load(new StringReader(block));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** The first html block containing {@code text}. */
    public String htmlBlock(String text) {
        return blocks.stream().filter(b -> b[0].equals("html") && b[1].contains(text)).map(b -> b[1]).findFirst()
                .orElseThrow(() -> new IllegalStateException("README has no html block with " + text));
    }

    /**
     * Compiles {@code sources} (whole files, as the README has them) into {@code out} and adds
     * every class file to the WAR's WEB-INF/classes.
     */
    public static WebArchive addCompiled(WebArchive war, List<String> sources, Path out) {
        try {
            Path src = Files.createDirectories(out.resolve("src"));
            Path classes = Files.createDirectories(out.resolve("classes"));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac")
                    .toString(), "-encoding", "UTF-8", "-proc:none", "-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString()));
            for (String source : sources) {
                Matcher type = Pattern.compile("(?m)^public\\s+(?:class|interface|record|enum)\\s+(\\w+)").matcher(source);
                if (!type.find()) {
                    throw new IllegalStateException("not a whole source file:\n" + source);
                }
                Path file = src.resolve(type.group(1) + ".java");
                Files.writeString(file, source, StandardCharsets.UTF_8);
                command.add(file.toString());
            }
            Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (javac.waitFor() != 0) {
                throw new IllegalStateException("README code does not compile:\n" + output);
            }
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    war.addAsWebInfResource(new FileAsset(f.toFile()),
                            "classes/" + classes.relativize(f).toString().replace('\\', '/'));
                }
            }
            return war;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
