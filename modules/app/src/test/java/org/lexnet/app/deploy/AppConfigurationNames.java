package org.lexnet.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The environment variables the app reads: those application.yml names in a placeholder
 * ({@code ${LEXNET_MASTER_KEY:}}), and those Spring Boot's relaxed binding turns into a property the app
 * has — one in application.yml, or one in the configuration metadata of Spring Boot and the libraries on
 * the class path ({@code META-INF/spring-configuration-metadata.json}). The binding is Spring's own
 * (an environment property source named as the system environment is), not a re-implementation.
 */
final class AppConfigurationNames {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private final Set<String> placeholders = new TreeSet<>();
    private final Set<String> properties = new TreeSet<>();
    private final String applicationYml;
    private Map<String, List<ConfigurationPropertyName>> propertyNames;

    private AppConfigurationNames() {
        applicationYml = resourceText("application.yml");
        Matcher m = PLACEHOLDER.matcher(applicationYml);
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        flatten("", DeployFiles.yamlText(applicationYml));
        try {
            Enumeration<URL> metadata = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
            while (metadata.hasMoreElements()) {
                try (InputStream in = metadata.nextElement().openStream()) {
                    DeployFiles.JSON.readTree(in).path("properties").forEach(p -> properties.add(p.path("name").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AppConfigurationNames load() {
        return new AppConfigurationNames();
    }

    /** Whether the app reads this environment variable; {@code why} says how when it does. */
    boolean reads(String variable) {
        return why(variable) != null;
    }

    String why(String variable) {
        if (placeholders.contains(variable)) {
            return "placeholder in application.yml";
        }
        ConfigurationPropertySource environment = environmentWith(variable);
        // only names spelt with the same letters can bind; Spring decides which of them do
        return propertyNames().getOrDefault(letters(variable), List.of()).stream()
                .filter(name -> environment.getConfigurationProperty(name) != null)
                .findFirst().map(name -> "binds " + name).orElse(null);
    }

    private Map<String, List<ConfigurationPropertyName>> propertyNames() {
        if (propertyNames == null) {
            propertyNames = properties.stream().filter(ConfigurationPropertyName::isValid).map(ConfigurationPropertyName::of)
                    .collect(Collectors.groupingBy(name -> letters(name.toString())));
        }
        return propertyNames;
    }

    private static String letters(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    /** The port the app listens on by default: application.yml's {@code server.port} placeholder default. */
    int defaultPort() {
        Matcher port = Pattern.compile("port: \\$\\{SERVER_PORT:(\\d+)}").matcher(applicationYml);
        if (!port.find()) {
            throw new IllegalStateException("application.yml has no server.port: ${SERVER_PORT:<default>}");
        }
        return Integer.parseInt(port.group(1));
    }

    int portWith(Map<String, String> environment) {
        String port = environment.get("SERVER_PORT");
        return port == null ? defaultPort() : Integer.parseInt(port);
    }

    private static ConfigurationPropertySource environmentWith(String variable) {
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "set"));
        Iterator<ConfigurationPropertySource> sources = ConfigurationPropertySources.from(source).iterator();
        return sources.next();
    }

    private void flatten(String prefix, JsonNode node) {
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue()));
        } else {
            properties.add(prefix);
        }
    }

    private static String resourceText(String name) {
        try (InputStream in = AppConfigurationNames.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
