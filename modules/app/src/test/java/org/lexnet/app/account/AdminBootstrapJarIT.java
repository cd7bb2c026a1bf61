package org.lexnet.app.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.JarProcess;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admin bootstrap cannot be used to take over the service: an address someone registered through
 * open registration is never promoted. Run against the packaged jar, as an operator would start it.
 */
class AdminBootstrapJarIT {

    private static final String BOSS = "boss@example.org";
    private static final String SQUATTERS_PASSWORD = "the squatter's own password";
    private static final String OPERATORS_PASSWORD = "the operator's real passphrase";

    @TempDir
    Path work;

    @Test
    void anAddressAlreadyRegisteredByAMemberIsNeverPromotedAndStartUpSaysWhy() {
        int port = JarProcess.freePort();
        Path data = work.resolve("data");
        try (JarProcess open = JarProcess.on(data, port).log(work.resolve("app.log")).start().awaitReady()) {
            Api.Response squatted = open.api().post("/api/v1/accounts", null,
                    Map.of("email", BOSS, "password", SQUATTERS_PASSWORD, "displayName", "Not the boss"));
            assertThat(squatted.status()).isEqualTo(201);
            assertThat(open.sigterm()).isIn(0, 143);
        }

        JarProcess.Launch withAdmin = JarProcess.on(data, port).log(work.resolve("app.log"))
                .env("LEXNET_ADMIN_EMAIL", BOSS).env("LEXNET_ADMIN_PASSWORD", OPERATORS_PASSWORD);
        try (JarProcess refused = withAdmin.start()) {
            assertThatThrownBy(refused::awaitReady).hasMessageContaining("exited with status 1")
                    .hasMessageContaining("LEXNET_ADMIN_EMAIL names an address that a member has already registered")
                    .hasMessageContaining("Use another address for the admin");
        }

        try (JarProcess after = JarProcess.on(data, port).log(work.resolve("app.log")).start().awaitReady()) {
            String squatter = after.api().signIn(BOSS, SQUATTERS_PASSWORD);
            assertThat(after.api().get("/api/v1/admin/event-processors", squatter).status())
                    .as("the squatter did not become admin").isEqualTo(403);
            assertThat(after.api().post("/api/v1/auth/token", null,
                    Map.of("email", BOSS, "password", OPERATORS_PASSWORD)).status()).isEqualTo(401);
            after.sigterm();
        }
    }

    @Test
    void aFreshServiceCreatesTheAdminWhoseAddressCannotThenBeRegisteredAgain() {
        try (JarProcess app = JarProcess.on(work.resolve("data"), JarProcess.freePort()).log(work.resolve("app.log"))
                .env("LEXNET_ADMIN_EMAIL", BOSS).env("LEXNET_ADMIN_PASSWORD", OPERATORS_PASSWORD).start()
                .awaitReady()) {
            String admin = app.api().signIn(BOSS, OPERATORS_PASSWORD);
            assertThat(app.api().get("/api/v1/admin/event-processors", admin).status()).isEqualTo(200);
            assertThat(app.api().post("/api/v1/accounts", null, Map.of("email", "BOSS@example.org", "password",
                    SQUATTERS_PASSWORD, "displayName", "Late squatter")).status()).isEqualTo(409);
            app.sigterm();
        }
    }
}
