package dev.sheepdog.domain.testing;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What one of Sheepdog's loggers says while a test listens, each line as printed (its parameters filled in):
 * how tests check that something is said, and said once. Close it to stop listening.
 */
public final class CapturedLog implements AutoCloseable {

    private record Line(Level level, String text) {
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            Object[] parameters = record.getParameters();
            lines.add(new Line(record.getLevel(), parameters == null || parameters.length == 0 ? record.getMessage()
                    : MessageFormat.format(record.getMessage(), parameters)));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(String name) {
        this.logger = Logger.getLogger(name);
        logger.addHandler(handler);
    }

    /** Listens to the logger of that name (e.g. {@code sheepdog.limits}) from now on. */
    public static CapturedLog of(String name) {
        return new CapturedLog(name);
    }

    /** Every line said so far. */
    public List<String> lines() {
        return lines.stream().map(Line::text).toList();
    }

    /** The lines said so far at that level. */
    public List<String> lines(Level level) {
        return lines.stream().filter(line -> line.level() == level).map(Line::text).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
