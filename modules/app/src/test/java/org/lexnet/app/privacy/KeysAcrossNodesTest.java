package org.lexnet.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.keys.MisconfiguredSecret;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nodes agree on keys without being told: a second node on this test's database, with a data directory
 * of its own and no key in its configuration, reads the personal data the first wrote and accepts its
 * tokens, and the reverse; a rotation on one node signs nobody out on either. A node with another master
 * key than the data was written with, or with a malformed key in its configuration, refuses to start and
 * names the variable.
 */
class KeysAcrossNodesTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DataSource dataSource;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopOtherNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aTokenIssuedByOneNodeWorksOnAnotherWithNoSharedConfiguration() {
        Api second = new Api(port(start()));
        Api.Member ada = new People(api).member("Ada L.", "EMERGING", true, Map.of("CARE_SYSTEM", "NETWORK"));

        // the first node's token on the second, which reads what the first sealed with the shared master key
        awaitDisplayName(second, ada.token(), "Ada L.");
        String fromSecond = second.signIn(ada.email(), ada.password());
        assertThat(api.get("/api/v1/members/me", fromSecond).status()).isEqualTo(200);

        JsonNode jwks = api.get("/.well-known/jwks.json", null).json();
        assertThat(second.get("/.well-known/jwks.json", null).json()).isEqualTo(jwks);
        assertThat(kidsOf(jwks)).contains(kidOf(ada.token()), kidOf(fromSecond));
        assertThat(jwks.toString()).doesNotContain("\"d\"").doesNotContain("\"p\"");
    }

    @Test
    void aRotationOnOneNodeSignsNobodyOutOnEither() {
        Api second = new Api(port(start()));
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Member bo = new People(api).mentee("Bo");
        String oldKid = kidOf(bo.token());

        Api.Response rotated = api.post("/api/v1/admin/signing-keys/rotate", admin, null);
        assertThat(rotated.status()).isEqualTo(200);
        String newKid = rotated.json().get("kid").asText();
        assertThat(newKid).isNotEqualTo(oldKid);

        String fresh = api.signIn(bo.email(), bo.password());
        assertThat(kidOf(fresh)).isEqualTo(newKid);
        for (Api node : List.of(api, second)) {
            awaitDisplayName(node, fresh, "Bo");
            awaitDisplayName(node, bo.token(), "Bo");
        }
        JsonNode keys = api.get("/api/v1/admin/signing-keys", admin).json();
        assertThat(keys.get("source").asText()).isEqualTo("database");
        assertThat(keys.get("keys").get(0).get("kid").asText()).isEqualTo(newKid);
        assertThat(keys.get("keys").get(0).get("active").asBoolean()).isTrue();
        assertThat(keys.findValuesAsText("kid")).contains(oldKid);
        assertThat(kidsOf(api.get("/.well-known/jwks.json", null).json())).contains(oldKid, newKid);
        assertThat(api.post("/api/v1/admin/signing-keys/rotate", bo.token(), null).status()).isEqualTo(403);
    }

    @Test
    void aSigningKeyFromConfigurationSignsAndIsNotRotatedHere() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Api configured = new Api(port(start("lexnet.security.jwt.private-key=" + pem)));
        Api.Member cy = new People(api).mentee("Cy");
        String token = configured.signIn(cy.email(), cy.password());
        awaitDisplayName(configured, token, "Cy");
        assertThat(kidsOf(configured.get("/.well-known/jwks.json", null).json())).containsExactly(kidOf(token));

        String admin = configured.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Response refused = configured.post("/api/v1/admin/signing-keys/rotate", admin, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("LEXNET_JWT_PRIVATE_KEY");
    }

    @Test
    void aNodeWithAnotherMasterKeyThanTheDatabaseWasWrittenWithRefusesToStart() {
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);
        assertThatThrownBy(() -> start(
                "lexnet.privacy.master-key=" + Base64.getEncoder().encodeToString(other)))
                .hasStackTraceContaining("LEXNET_MASTER_KEY is not the master key this database's data was written with");
    }

    @Test
    void aMalformedKeyInConfigurationIsRefusedAtStartUpNamingTheVariable() {
        String secret = "not-base64-" + UUID.randomUUID() + "!";
        assertRefused("lexnet.privacy.master-key=" + secret, "LEXNET_MASTER_KEY is not base64", secret);
        assertRefused("lexnet.privacy.master-key=" + Base64.getEncoder().encodeToString(new byte[16]),
                "LEXNET_MASTER_KEY holds 16 bytes", null);
        assertRefused("lexnet.security.jwt.private-key=" + secret,
                "LEXNET_JWT_PRIVATE_KEY is not an RSA private key in PKCS#8 PEM", secret);
        assertRefused("lexnet.metrics.token=short-" + secret.substring(0, 8), "LEXNET_METRICS_TOKEN is too short",
                "short-" + secret.substring(0, 8));
    }

    private void assertRefused(String property, String message, String secret) {
        assertThatThrownBy(() -> start(property))
                .satisfies(failure -> {
                    MisconfiguredSecret cause = findCause(failure);
                    assertThat(cause).as("start-up failure caused by the configuration").isNotNull();
                    assertThat(cause.getMessage()).startsWith(message);
                    if (secret != null) {
                        assertThat(cause.getMessage()).doesNotContain(secret);
                    }
                });
    }

    private static MisconfiguredSecret findCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MisconfiguredSecret misconfigured) {
                return misconfigured;
            }
        }
        return null;
    }

    private void awaitDisplayName(Api node, String token, String name) {
        org.awaitility.Awaitility.await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            Api.Response me = node.get("/api/v1/members/me", token);
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("displayName").asText()).isEqualTo(name);
        });
    }

    /** Starts a second node; the arguments override any setting, as on a command line. */
    private ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(secondNodeSettings());
        for (String setting : settings) {
            args.add("--" + setting);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LexnetApplication.class)
                .profiles("test").run(args.toArray(String[]::new));
        nodes.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    /** A node on this test's database, as an external one, with a fresh data directory and no keys given. */
    private List<String> secondNodeSettings() {
        HikariDataSource database = (HikariDataSource) dataSource;
        return List.of("--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword(),
                "--lexnet.data-dir=target/test-data-node-" + UUID.randomUUID(),
                "--lexnet.admin.email=" + ADMIN_EMAIL, "--lexnet.admin.password=" + ADMIN_PASSWORD);
    }

    private static String kidOf(String token) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                    StandardCharsets.UTF_8);
            return JSON.readTree(header).get("kid").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JWT: " + e);
        }
    }

    private static List<String> kidsOf(JsonNode jwks) {
        return jwks.get("keys").findValuesAsText("kid");
    }
}
