package io.github.payop4j.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * The README's Jakarta EE integration (order bean and observer) compiles as written against the
 * adapter. Only the imports and the shop's own {@code OrderRepository} are supplied here, since
 * the README leaves them out to stay short.
 */
class ReadmeIntegrationTest {

    private static final String IMPORTS = """
            package readme;

            import io.github.payop4j.invoice.Payer;
            import io.github.payop4j.ipn.IpnEvent;
            import io.github.payop4j.ipn.IpnOrderLookup;
            import io.github.payop4j.jaxrs.PayopOrder;
            import io.github.payop4j.jaxrs.PayopOrders;
            import jakarta.enterprise.context.ApplicationScoped;
            import jakarta.enterprise.event.Observes;
            import jakarta.inject.Inject;
            import java.util.Optional;

            """;

    private static final String REPOSITORY = """
            package readme;

            import io.github.payop4j.ipn.IpnEvent;
            import java.math.BigDecimal;
            import java.util.Optional;

            public interface OrderRepository {
                record Order(String id, BigDecimal total, String currency, String customerEmail, String customerName) {
                }

                Optional<Order> findUnpaid(String id);

                Optional<Order> find(String id);

                void markPaid(String id);

                void markFailed(String id, IpnEvent.PaymentFailed.Reason reason);

                void flagForReview(String id, IpnEvent.Anomaly.Type type);
            }
            """;

    @Test
    void theReadmesOrderBeanAndObserverCompile() throws IOException, InterruptedException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- compiled by ReadmeIntegrationTest \\(payop-jaxrs-adapter\\) -->\\s*```java\\n(.*?)```",
                Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README.md has no block marked for ReadmeIntegrationTest");

        Path dir = Files.createDirectories(Path.of("target", "readme-integration", "readme"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-encoding", "UTF-8", "-proc:none", "-Xlint:all", "-Werror", "-classpath", System.getProperty("java.class.path"),
                "-d", dir.getParent().resolve("classes").toString()));
        Files.writeString(dir.resolve("OrderRepository.java"), REPOSITORY);
        command.add(dir.resolve("OrderRepository.java").toString());
        int classes = 0;
        for (String unit : block.group(1).split("(?=@ApplicationScoped\\npublic class )")) {
            Matcher name = Pattern.compile("public class (\\w+)").matcher(unit);
            if (name.find()) {
                Path file = dir.resolve(name.group(1) + ".java");
                Files.writeString(file, IMPORTS + unit, StandardCharsets.UTF_8);
                command.add(file.toString());
                classes++;
            }
        }
        assertEquals(2, classes, "the order bean and the observer");
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, javac.waitFor(), "README's Jakarta EE code does not compile:\n" + output);
    }
}
