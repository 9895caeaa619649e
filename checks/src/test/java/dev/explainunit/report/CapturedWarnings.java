package dev.explainunit.report;

import dev.explainunit.report.internal.ExplainUnitReportListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the report listener's warnings out of the build log while a test provokes them on purpose,
 * so that the test can assert on them and the log shows only warnings nobody expected.
 */
final class CapturedWarnings implements AutoCloseable {

    private final Logger logger = Logger.getLogger(ExplainUnitReportListener.class.getName());
    private final boolean usedParentHandlers = logger.getUseParentHandlers();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                messages.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedWarnings() {
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    /** Starts capturing; {@link #close()} restores the logger. */
    static CapturedWarnings ofReportListener() {
        return new CapturedWarnings();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(usedParentHandlers);
    }
}
