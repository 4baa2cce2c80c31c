package io.github.payop4j.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Test your shop without a Payop account" section is there and names the
 * standalone jar this module builds. (Its JUnit example is compiled with every other Java block
 * of the README by payop-jaxrs-adapter's ReadmeSnippetsTest.)
 */
class ReadmeTestkitTest {

    @Test
    void theSectionAndTheStandaloneCommandAreInTheReadme() throws IOException {
        String text = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertTrue(text.contains("## Test your shop without a Payop account"), "README section missing");
        assertTrue(text.contains("java -jar payop-testkit/target/payop-testkit-0.1.0-SNAPSHOT-standalone.jar"),
                "README lacks the standalone command");
    }
}
