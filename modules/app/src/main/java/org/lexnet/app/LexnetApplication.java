package org.lexnet.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one deployable: every role (commands, queries, matching, feed) in one Spring Boot application. */
@SpringBootApplication(scanBasePackages = "org.lexnet")
@ConfigurationPropertiesScan("org.lexnet")
public class LexnetApplication {

    public static void main(String[] args) {
        // No network here and none wanted in production: Axon must never phone home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        try {
            SpringApplication.run(LexnetApplication.class, args);
        } catch (RuntimeException startFailed) {
            // Spring Boot has logged why and closed everything it started; exit, or Axon's timeout janitor
            // (a static, non-daemon thread) would keep a process that serves nothing alive
            System.exit(1);
        }
    }
}
