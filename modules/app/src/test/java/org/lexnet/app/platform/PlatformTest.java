package org.lexnet.app.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform under everything: the embedded PostgreSQL, Axon's storage and readiness (the API documents
 * have ApiDocumentsTest).
 */
class PlatformTest extends IntegrationTest {

    @Autowired
    EventStorageEngine storage;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DataSource dataSource;

    @Test
    void theEventStoreIsJdbcOnARealPostgreSql17() {
        assertThat(storage).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
    }

    /** Off, a crash of the embedded server loses commits the app has already acknowledged. */
    @Test
    void theEmbeddedDatabaseFlushesEveryCommitToDiskBeforeItIsAcknowledged() {
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
    }

    @Test
    void theEmbeddedDatabaseRefusesEveryConnectionWithoutItsPassword() throws SQLException {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("localhost");
        // the Unix socket too, which JDBC cannot reach: the rules the server loaded, and nothing else
        assertThat(jdbc.queryForList("select type || ' ' || coalesce(address, '') || ' ' || auth_method "
                + "from pg_hba_file_rules where error is null order by rule_number", String.class))
                .containsExactly("local  scram-sha-256", "host 127.0.0.1 scram-sha-256", "host ::1 scram-sha-256");
        try (Connection withPassword = DriverManager.getConnection(url, "postgres",
                ((HikariDataSource) dataSource).getPassword())) {
            assertThat(withPassword.isValid(5)).isTrue();
        }
    }

    @Test
    void axonTablesAreSnakeCaseWithByteaPayloads() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'public'", String.class);
        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry", "saga_entry",
                "association_value_entry", "dead_letter_entry");
        List<String> payloadTypes = jdbc.queryForList("select distinct data_type from information_schema.columns "
                + "where column_name in ('payload', 'meta_data', 'token', 'serialized_saga') and table_name in "
                + "('domain_event_entry', 'snapshot_event_entry', 'token_entry', 'saga_entry', 'dead_letter_entry')",
                String.class);
        assertThat(payloadTypes).containsExactly("bytea");
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = 'member-directory'",
                Long.class)).isPositive();
    }

    @Test
    void readinessIsUpOnceMigratedAndProcessorsRun() {
        Api.Response ready = api.get("/actuator/health/readiness", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select max(version) from flyway_schema_history where success", String.class))
                .isNotBlank();
    }

    @Test
    void aStoppedEventProcessorTakesTheNodeOutOfService() {
        EventProcessor rounds = processing.eventProcessor("match-rounds").orElseThrow();
        rounds.shutDown();
        try {
            Api.Response notReady = api.get("/actuator/health/readiness", null);
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.json().get("status").asText()).isEqualTo("OUT_OF_SERVICE");
        } finally {
            rounds.start();
        }
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }
}
