package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** RENDEZVOUS_LOG_FORMAT picks the host's log lines: text by default, JSON for a log collector. */
class LogFormatTest {

    @Test
    @DisplayName("RENDEZVOUS_LOG_FORMAT=json writes one JSON object a line; without it the lines are text")
    void jsonOnDemandTextByDefault() throws Exception {
        String json = logLine("json", "a line for the collector");
        assertThat(json).startsWith("{").endsWith("}")
                .contains("\"message\":\"a line for the collector\"")
                .contains("\"level\":\"INFO\"")
                .contains("\"logger_name\":\"org.rendezvous.app.LogFormatTest\"")
                .contains("\"service\":\"rendezvous\"");
        String text = logLine(null, "a line for people");
        assertThat(text).doesNotStartWith("{").contains(" INFO ").endsWith("- a line for people");
    }

    /** The line the host's logback.xml writes to standard output for one INFO event, with the format set or not. */
    private static String logLine(String format, String message) throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            configure(context, format);
            LoggerFactory.getLogger(LogFormatTest.class).info(message);
        } finally {
            System.setOut(original);
            configure(context, null);
        }
        return out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(message)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + message + " in " + out));
    }

    private static void configure(LoggerContext context, String format) throws JoranException {
        if (format == null) {
            System.clearProperty("RENDEZVOUS_LOG_FORMAT");
        } else {
            System.setProperty("RENDEZVOUS_LOG_FORMAT", format);
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
    }
}
