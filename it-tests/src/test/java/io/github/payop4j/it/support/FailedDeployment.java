package io.github.payop4j.it.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployer;

/**
 * What a test can see of a deployment that should fail: the exception {@link Deployer#deploy}
 * threw, and the server console printed while deploying.
 *
 * <p>WildFly reports a failed deployment as an exception carrying the server's failure
 * description (with the root cause's message). The Payara Micro adapter does not: Payara Micro
 * logs the failure, starts without the application and the adapter returns normally. There the
 * evidence is the console, which the adapter copies line by line to the test JVM's
 * {@code System.out} before {@code deploy} returns.
 */
public record FailedDeployment(Throwable exception, String console) {

    /** Deploys a {@code managed = false} deployment, expecting it to fail; undeploys it if it did not throw. */
    public static FailedDeployment deploy(Deployer deployer, String name) {
        PrintStream original = System.out;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8));
        Throwable thrown = null;
        boolean deployed = false;
        try {
            deployer.deploy(name);
            deployed = true;
        } catch (Exception e) {
            thrown = e;
        } finally {
            System.setOut(original);
            if (deployed) {
                deployer.undeploy(name); // Payara Micro: stops the server JVM the adapter started
            }
        }
        return new FailedDeployment(thrown, copy.toString(StandardCharsets.UTF_8));
    }

    /**
     * The text showing why the deployment failed, after asserting that it did fail as the
     * current server reports failures: WildFly's failure description, or Payara Micro's console.
     */
    public String evidence() {
        if (Server.current() == Server.WILDFLY) {
            assertNotNull(exception, "the deployment should have failed:\n" + console);
            return exceptionText();
        }
        assertTrue(console.contains("Exception while loading the app"), console);
        return console;
    }

    /** The exception's stack trace, causes included, or "" if none was thrown. */
    public String exceptionText() {
        if (exception == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        exception.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** Writes to the console as before and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final PrintStream console;
        private final ByteArrayOutputStream copy;

        Tee(PrintStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) {
            console.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            console.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void flush() {
            console.flush();
        }
    }
}
