package io.github.payop4j.testkit;

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

/** The README's "Test your shop without a Payop account" example compiles exactly as written. */
class ReadmeTestkitTest {

    private static final Pattern MARKED_BLOCK = Pattern.compile(
            "<!-- compiled by ReadmeTestkitTest -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theJunitExampleCompiles() throws IOException, InterruptedException {
        String text = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertTrue(text.contains("## Test your shop without a Payop account"), "README section missing");
        assertTrue(text.contains("java -jar payop-testkit/target/payop-testkit-0.1.0-SNAPSHOT-standalone.jar"),
                "README lacks the standalone command");
        Matcher m = MARKED_BLOCK.matcher(text);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertFalse(blocks.isEmpty(), "README.md has no block marked for ReadmeTestkitTest");

        Path dir = Files.createDirectories(Path.of("target", "readme-snippets"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac")
                .toString(), "-encoding", "UTF-8", "-Xlint:all", "-Werror", "-proc:none",
                "-classpath", System.getProperty("java.class.path"), "-d", dir.toString()));
        for (String block : blocks) {
            Matcher name = Pattern.compile("public class (\\w+)").matcher(block);
            assertTrue(name.find(), "a README block has no public class:\n" + block);
            Path file = dir.resolve(name.group(1) + ".java");
            Files.writeString(file, block, StandardCharsets.UTF_8);
            command.add(file.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "README code does not compile:\n" + output);
        assertEquals("", output.trim(), "README code compiles with warnings");
    }
}
