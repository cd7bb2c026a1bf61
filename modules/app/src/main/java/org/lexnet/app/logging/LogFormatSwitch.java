package org.lexnet.app.logging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Locale;
import java.util.Map;

/**
 * {@code LEXNET_LOG_FORMAT}: {@code text} (the default, one plain line per event) or {@code json}, which
 * turns on Spring Boot's structured console logging in the Elastic Common Schema: one JSON object per
 * line, the correlation id as {@code correlationId}. Runs before the logging system starts, which reads
 * {@code logging.structured.format.console}; set that property directly and it wins over this switch.
 * Registered in META-INF/spring.factories.
 */
public class LogFormatSwitch implements EnvironmentPostProcessor, Ordered {

    /** Bound from the environment variable {@code LEXNET_LOG_FORMAT}. */
    static final String PROPERTY = "lexnet.log.format";
    static final String STRUCTURED_CONSOLE = "logging.structured.format.console";
    static final String ECS = "ecs";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "").strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "", "text" -> {
                // Spring Boot's plain console lines, as configured in application.yml
            }
            case "json" -> environment.getPropertySources().addLast(
                    new MapPropertySource("lexnet-log-format", Map.of(STRUCTURED_CONSOLE, ECS)));
            default -> throw new UnknownLogFormat(format);
        }
    }

    /** After application.yml and the other configuration files are read, so that they may set the format too. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    /** A format this switch does not know: the start stops rather than log in a form nobody asked for. */
    static class UnknownLogFormat extends IllegalArgumentException {
        UnknownLogFormat(String format) {
            super("LEXNET_LOG_FORMAT is '" + format + "'");
        }
    }

    /** Says what is wrong and what to set, instead of a stack trace (registered in META-INF/spring.factories). */
    static class Analyzer extends AbstractFailureAnalyzer<UnknownLogFormat> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, UnknownLogFormat cause) {
            return new FailureAnalysis(cause.getMessage() + ", which is not a log format",
                    "Set LEXNET_LOG_FORMAT to text (the default) or json.", cause);
        }
    }
}
