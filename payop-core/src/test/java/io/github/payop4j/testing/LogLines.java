package io.github.payop4j.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The messages logged under one logger while this is open. On Java SE the library's
 * {@code System.Logger}s write to {@code java.util.logging}, so a handler on the logger sees them.
 * Either in try-with-resources, or as a field with {@code @RegisterExtension}: it listens from the
 * test instance's creation and stops after the test.
 */
public final class LogLines implements AutoCloseable, AfterEachCallback {

    /** Held here: java.util.logging keeps only a weak reference to a logger, and with it our handler. */
    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            messages.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogLines(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        logger.addHandler(handler);
    }

    /** Starts listening to {@code loggerName} and the loggers below it. */
    public static LogLines of(String loggerName) {
        return new LogLines(loggerName);
    }

    /** The messages so far that start with {@code prefix} (a log id such as {@code PAYOP-IPN-014}). */
    public List<String> startingWith(String prefix) {
        return messages.stream().filter(m -> m.startsWith(prefix)).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
