package org.lexnet.app.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * With no {@code spring.datasource.url} (SPRING_DATASOURCE_URL) the app brings its own PostgreSQL:
 * a real server from Maven-shipped binaries, its data under {@code LEXNET_DATA_DIR/postgres}, kept
 * between runs and stopped with the application context (so SIGTERM leaves no orphan process). Every
 * connection to it needs the password generated into {@code LEXNET_DATA_DIR/keys/postgres-password}.
 * With a URL set, none of this exists and Spring Boot's own data source is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__never__")
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "release")
    EmbeddedPostgresServer embeddedPostgresServer(@Value("${lexnet.data-dir}") Path dataDir,
                                                  @Value("${lexnet.embedded-postgres.fresh:false}") boolean fresh) {
        return EmbeddedPostgresServer.acquire(dataDir.resolve("postgres"),
                dataDir.resolve("keys").resolve("postgres-password"), fresh);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server,
                          @Value("${lexnet.embedded-postgres.pool-size:20}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("lexnet-embedded");
        // PostgreSQL's error details quote row values (a name, a message): keep them out of exceptions and logs
        dataSource.addDataSourceProperty("logServerErrorDetail", "false");
        return dataSource;
    }
}
