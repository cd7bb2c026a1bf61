package org.lexnet.app.privacy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nodes must agree on the master key: with an external database a node without one refuses to start,
 * and a node with another key than the one the database was written with refuses too, each saying why,
 * rather than failing on the first personal value it reads. (A second node on this test's database.)
 */
class MasterKeyTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aNodeOnAnExternalDatabaseWithoutAMasterKeyRefusesToStart() {
        assertThatThrownBy(() -> secondNode().run().close())
                .hasStackTraceContaining("LEXNET_MASTER_KEY is not set");
    }

    @Test
    void aNodeWithAnotherMasterKeyThanTheDatabaseWasWrittenWithRefusesToStart() {
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);
        assertThatThrownBy(() -> secondNode()
                .run("--lexnet.privacy.master-key=" + Base64.getEncoder().encodeToString(other)).close())
                .hasStackTraceContaining("master key is not the one this database's data was written with");
    }

    private SpringApplicationBuilder secondNode() {
        HikariDataSource database = (HikariDataSource) dataSource;
        return new SpringApplicationBuilder(LexnetApplication.class).profiles("test")
                .properties("server.port=0", "spring.datasource.url=" + database.getJdbcUrl(),
                        "spring.datasource.username=" + database.getUsername(),
                        "spring.datasource.password=" + database.getPassword(),
                        "lexnet.data-dir=target/test-data-second-node");
    }
}
