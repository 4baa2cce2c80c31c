package io.github.payop4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Java SE quick start compiles exactly as written, against this build's classes. */
class ReadmeQuickStartTest {

    private static final Pattern MARKED_BLOCK = Pattern.compile(
            "<!-- compiled by ReadmeQuickStartTest -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyMarkedJavaBlockOfTheReadmeCompiles() throws IOException, InterruptedException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Matcher m = MARKED_BLOCK.matcher(text);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertFalse(blocks.isEmpty(), "README.md has no block marked for compilation");

        Path dir = Files.createDirectories(Path.of("target", "readme-snippets"));
        List<Path> sources = new ArrayList<>();
        for (String block : blocks) {
            Matcher name = Pattern.compile("public class (\\w+)").matcher(block);
            assertTrue(name.find(), "a README block has no public class:\n" + block);
            Path file = dir.resolve(name.group(1) + ".java");
            Files.writeString(file, block, StandardCharsets.UTF_8);
            sources.add(file);
        }

        // The JDK's javac, run as a process: the test JVM's module layer need not read java.compiler.
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        assertTrue(Files.isExecutable(javac), "tests must run on a JDK: no " + javac);
        List<String> command = new ArrayList<>(List.of(javac.toString(), "-encoding", "UTF-8", "-Xlint:all", "-Werror",
                "-classpath", System.getProperty("java.class.path"), "-d", dir.toString()));
        sources.forEach(p -> command.add(p.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "README code does not compile:\n" + output);
        assertEquals("", output.trim(), "README code compiles with warnings");
        assertTrue(Files.exists(dir.resolve("QuickStart.class")), "QuickStart.class was not produced");
    }
}
