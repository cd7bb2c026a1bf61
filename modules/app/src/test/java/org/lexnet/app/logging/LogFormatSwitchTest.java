package org.lexnet.app.logging;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LEXNET_LOG_FORMAT as the logging system will read it (the JSON lines themselves: PackagedJarIT). */
class LogFormatSwitchTest {

    private final LogFormatSwitch logFormat = new LogFormatSwitch();

    @Test
    void jsonTurnsOnStructuredConsoleLoggingInTheElasticCommonSchema() {
        assertThat(structuredFormatWith(Map.of("LEXNET_LOG_FORMAT", "json"))).isEqualTo("ecs");
        assertThat(structuredFormatWith(Map.of("LEXNET_LOG_FORMAT", " JSON "))).isEqualTo("ecs");
    }

    @Test
    void textOrNothingLeavesThePlainLines() {
        assertThat(structuredFormatWith(Map.of())).isNull();
        assertThat(structuredFormatWith(Map.of("LEXNET_LOG_FORMAT", "text"))).isNull();
        assertThat(structuredFormatWith(Map.of("LEXNET_LOG_FORMAT", ""))).isNull();
    }

    @Test
    void anExplicitStructuredFormatWinsOverTheSwitch() {
        assertThat(structuredFormatWith(Map.of("LEXNET_LOG_FORMAT", "json",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "logstash"))).isEqualTo("logstash");
    }

    @Test
    void anUnknownFormatStopsTheStartWithWhatToSet() {
        assertThatThrownBy(() -> structuredFormatWith(Map.of("LEXNET_LOG_FORMAT", "xml")))
                .isInstanceOfSatisfying(LogFormatSwitch.UnknownLogFormat.class, e -> {
                    var analysis = new LogFormatSwitch.Analyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("'xml'");
                    assertThat(analysis.getAction()).contains("text", "json");
                });
    }

    /** The console's structured format once the switch has run on an environment with these variables. */
    private String structuredFormatWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        logFormat.postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("logging.structured.format.console");
    }
}
